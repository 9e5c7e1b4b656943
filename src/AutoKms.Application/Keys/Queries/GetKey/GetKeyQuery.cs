using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.Keys.Queries.GetKey;

public sealed record GetKeyQuery(Guid Id) : IRequest<KeyDto>, IAuditedRequest
{
    AuditOperation IAuditedRequest.AuditOperation => AuditOperations.GetKey;

    Guid? IAuditedRequest.AuditKeyId => Id;
}
