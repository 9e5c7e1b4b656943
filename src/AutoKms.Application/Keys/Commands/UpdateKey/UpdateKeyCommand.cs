using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.Keys.Commands.UpdateKey;

/// <summary>
/// Renames a key and/or enables or disables it. <paramref name="Replace"/> is the PUT form, which
/// requires both fields; PATCH changes only the fields it names.
/// </summary>
/// <paramref name="MinDecryptionVersion"/> and <paramref name="RotationPeriodDays"/> (0 turns
/// automatic rotation off) change only when given.
public sealed record UpdateKeyCommand(Guid Id, string? Name, string? Status, bool Replace = false, int? MinDecryptionVersion = null, int? RotationPeriodDays = null)
    : IRequest<KeyDto>, ITransactionalRequest, IAuditedRequest
{
    AuditOperation IAuditedRequest.AuditOperation => AuditOperations.UpdateKey;

    Guid? IAuditedRequest.AuditKeyId => Id;

    /// <summary>Read-only fields the body carried back; each must equal the stored value.</summary>
    public EchoedKeyFields? Echoed { get; init; }

    /// <summary>How field names are prefixed in errors (<c>[2].</c> for the third item of a bulk body).</summary>
    public string FieldPrefix { get; init; } = string.Empty;
}
