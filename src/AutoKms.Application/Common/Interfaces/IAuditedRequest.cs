using AutoKms.Application.Common.Auditing;

namespace AutoKms.Application.Common.Interfaces;

/// <summary>
/// Marks a request the audit trail records, allowed or refused: it names its operation explicitly
/// and the key it is about, when the request says (a created key's id is noted by the use case,
/// see <see cref="AuditNotes"/>).
/// </summary>
public interface IAuditedRequest
{
    AuditOperation AuditOperation { get; }

    /// <summary>The key the request names, if it names exactly one.</summary>
    Guid? AuditKeyId => null;

    /// <summary>How many items a batch or bulk request carries; <c>null</c> for a single-item request.</summary>
    int? AuditItems => null;
}
