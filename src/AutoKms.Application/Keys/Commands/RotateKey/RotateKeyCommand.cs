using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.Keys.Commands.RotateKey;

/// <summary>Adds a version with fresh material and makes it primary; older versions keep decrypting.</summary>
public sealed record RotateKeyCommand(Guid Id) : IRequest<KeyVersionDto>, IAuditedRequest
{
    AuditOperation IAuditedRequest.AuditOperation => AuditOperations.RotateKey;

    Guid? IAuditedRequest.AuditKeyId => Id;
}
