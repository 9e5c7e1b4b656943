using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.Keys.Queries.ListKeys;

/// <summary>Keys in creation order, optionally filtered by exact name and status.</summary>
public sealed record ListKeysQuery(string? Name = null, string? Status = null, int Limit = ListKeysQuery.DefaultLimit, int Offset = 0) : IRequest<IReadOnlyList<KeyDto>>, IAuditedRequest
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    AuditOperation IAuditedRequest.AuditOperation => AuditOperations.ListKeys;
}
