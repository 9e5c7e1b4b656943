using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.KeyVersions.Queries.GetKeyVersion;

public sealed record GetKeyVersionQuery(Guid Id) : IRequest<KeyVersionDto>, IAuditedRequest
{
    AuditOperation IAuditedRequest.AuditOperation => AuditOperations.GetKeyVersion;
}
