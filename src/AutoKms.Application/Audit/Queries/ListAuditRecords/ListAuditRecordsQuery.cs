using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.Audit.Queries.ListAuditRecords;

/// <summary>
/// Audit records, newest first, filtered by key, principal, operation and time; page back with
/// <paramref name="BeforeSeq"/> (the lowest <c>seq</c> of the previous page). Not itself audited:
/// reading the trail must work when writing it does not.
/// </summary>
public sealed record ListAuditRecordsQuery(
    Guid? KeyId = null,
    string? Principal = null,
    string? Operation = null,
    DateTimeOffset? Since = null,
    long? BeforeSeq = null,
    int Limit = ListAuditRecordsQuery.DefaultLimit) : IRequest<IReadOnlyList<AuditRecord>>
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
}
