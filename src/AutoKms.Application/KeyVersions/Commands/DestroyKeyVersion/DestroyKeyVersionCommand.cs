using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.KeyVersions.Commands.DestroyKeyVersion;

/// <summary>
/// DELETE of a version: its material is erased for good. The version row stays as a tombstone
/// (status <c>destroyed</c>) so its number is never reused and its ciphertexts answer 403, not 404.
/// </summary>
public sealed record DestroyKeyVersionCommand(Guid Id) : IRequest<DeleteResult>, ITransactionalRequest, IAuditedRequest
{
    AuditOperation IAuditedRequest.AuditOperation => AuditOperations.DestroyKeyVersion;
}
