using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.DeletedKeys.Commands.PurgeKey;

/// <summary>Erases a deleted key now, without waiting for its window: material gone, name free again.</summary>
public sealed record PurgeKeyCommand(Guid Id) : IRequest<DeleteResult>, ITransactionalRequest, IAuditedRequest
{
    AuditOperation IAuditedRequest.AuditOperation => AuditOperations.PurgeKey;

    Guid? IAuditedRequest.AuditKeyId => Id;
}
