using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.Audit.Queries.ListAuditRecords;

public sealed class ListAuditRecordsQueryHandler(IAuditLog log) : IRequestHandler<ListAuditRecordsQuery, IReadOnlyList<AuditRecord>>
{
    public Task<IReadOnlyList<AuditRecord>> Handle(ListAuditRecordsQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var filter = new AuditFilter(
            request.KeyId?.ToString("D"),
            request.Principal,
            request.Operation,
            request.Since is { } since ? AuditChain.FormatTime(since) : null,
            request.BeforeSeq,
            request.Limit);
        return log.ListAsync(filter, cancellationToken);
    }
}
