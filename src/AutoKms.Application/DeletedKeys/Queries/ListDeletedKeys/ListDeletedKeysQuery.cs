using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.DeletedKeys.Queries.ListDeletedKeys;

/// <summary>Deleted keys still recoverable, with when each will be purged.</summary>
public sealed record ListDeletedKeysQuery(int Limit = ListDeletedKeysQuery.DefaultLimit, int Offset = 0) : IRequest<IReadOnlyList<DeletedKeyDto>>, IAuditedRequest
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    AuditOperation IAuditedRequest.AuditOperation => AuditOperations.ListDeletedKeys;
}
