using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.RootKeys.Commands.RotateRootKey;

/// <summary>Re-seals every key version under a new root key while traffic runs.</summary>
public sealed record RotateRootKeyCommand(NewRootKey NewRootKey) : IRequest<RootKeyRotationResult>, IAuditedRequest
{
    AuditOperation IAuditedRequest.AuditOperation => AuditOperations.RotateRootKey;
}
