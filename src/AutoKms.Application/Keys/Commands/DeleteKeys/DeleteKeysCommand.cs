using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.Keys.Commands.DeleteKeys;

/// <summary>Deletes one or more keys atomically; an unknown id fails the whole request.</summary>
public sealed record DeleteKeysCommand(IReadOnlyList<Guid> Ids) : IRequest<DeleteResult>, ITransactionalRequest, IAuditedRequest
{
    AuditOperation IAuditedRequest.AuditOperation => AuditOperations.DeleteKeys;

    Guid? IAuditedRequest.AuditKeyId => Ids is [var only] ? only : null;

    int? IAuditedRequest.AuditItems => Ids?.Count;
}
