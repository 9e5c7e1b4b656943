using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using AutoKms.Domain.Keys;
using MediatR;

namespace AutoKms.Application.Keys.Queries.ListKeys;

public sealed class ListKeysQueryHandler(IKeyReadService reads, ICallerContext context) : IRequestHandler<ListKeysQuery, IReadOnlyList<KeyDto>>
{
    public Task<IReadOnlyList<KeyDto>> Handle(ListKeysQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var status = request.Status is null ? null : KeyAlgorithmNames.ParseStatus(request.Status).ToName();
        return reads.ListKeysAsync(request.Name, status, context.Caller.KeyGlobs, request.Limit, request.Offset, cancellationToken);
    }
}
