using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.KeyVersions.Queries.ListKeyVersions;

public sealed class ListKeyVersionsQueryHandler(IKeyReadService reads, ICallerContext context) : IRequestHandler<ListKeyVersionsQuery, IReadOnlyList<KeyVersionDto>>
{
    public Task<IReadOnlyList<KeyVersionDto>> Handle(ListKeyVersionsQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return reads.ListKeyVersionsAsync(request.KeyId, context.Caller.KeyGlobs, request.Limit, request.Offset, cancellationToken);
    }
}
