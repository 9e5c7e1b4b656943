using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.KeyVersions.Commands.UpdateKeyVersion;

/// <summary>Enables, disables or destroys a version. The primary version can only stay enabled.</summary>
public sealed record UpdateKeyVersionCommand(Guid Id, string Status) : IRequest<KeyVersionDto>, ITransactionalRequest, IAuditedRequest
{
    AuditOperation IAuditedRequest.AuditOperation => AuditOperations.UpdateKeyVersion;

    /// <summary>Read-only fields the body carried back; each must equal the stored value.</summary>
    public EchoedKeyVersionFields? Echoed { get; init; }

    /// <summary>How field names are prefixed in errors (<c>[2].</c> for the third item of a bulk body).</summary>
    public string FieldPrefix { get; init; } = string.Empty;
}
