using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Exceptions;

namespace AutoKms.Application.Common.Interfaces;

/// <summary>
/// Appends records to the hash-chained audit trail. The task completes once the record is durable
/// (committed to the database); if it cannot be written the task fails with
/// <see cref="AuditUnavailableException"/> and the caller must not answer as if the operation
/// were recorded (the API answers 503). The sequence number, the time order and the chain hash
/// are assigned by the trail.
/// </summary>
public interface IAuditTrail
{
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken);
}
