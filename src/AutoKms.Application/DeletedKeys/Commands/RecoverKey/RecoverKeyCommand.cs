using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.DeletedKeys.Commands.RecoverKey;

/// <summary>Brings a deleted key back, versions and all, while its retention window lasts.</summary>
public sealed record RecoverKeyCommand(Guid Id) : IRequest<KeyDto>, ITransactionalRequest, IAuditedRequest
{
    AuditOperation IAuditedRequest.AuditOperation => AuditOperations.RecoverKey;

    Guid? IAuditedRequest.AuditKeyId => Id;
}
