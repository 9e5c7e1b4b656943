using AutoKms.Application.Common.Auditing;

namespace AutoKms.Infrastructure.Persistence.Audit;

/// <summary>
/// Appends a batch of entries to the stored trail in one transaction: numbers them after the last
/// stored record, chains their hashes in order and commits, or appends none of them.
/// </summary>
public interface IAuditLogAppender
{
    Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken);
}
