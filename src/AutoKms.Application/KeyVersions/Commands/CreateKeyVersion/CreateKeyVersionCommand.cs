using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.KeyVersions.Commands.CreateKeyVersion;

/// <summary>
/// Creates the key's next version and makes it primary, exactly as a rotation does.
/// <paramref name="Status"/> may be given as the original service's clients do; a new primary
/// version is always enabled (<c>enabled</c> or the original's <c>active</c>).
/// </summary>
public sealed record CreateKeyVersionCommand(Guid? KeyId, string? Status = null) : IRequest<KeyVersionDto>, IAuditedRequest
{
    AuditOperation IAuditedRequest.AuditOperation => AuditOperations.CreateKeyVersion;

    Guid? IAuditedRequest.AuditKeyId => KeyId;
}
