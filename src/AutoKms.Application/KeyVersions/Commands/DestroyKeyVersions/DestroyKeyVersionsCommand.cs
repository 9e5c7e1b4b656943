using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.KeyVersions.Commands.DestroyKeyVersions;

/// <summary>Destroys several versions atomically: if one is unknown or the primary, none is destroyed.</summary>
public sealed record DestroyKeyVersionsCommand(IReadOnlyList<Guid> Ids) : IRequest<DeleteResult>, ITransactionalRequest, IAuditedRequest
{
    AuditOperation IAuditedRequest.AuditOperation => AuditOperations.DestroyKeyVersions;

    int? IAuditedRequest.AuditItems => Ids?.Count;
}
