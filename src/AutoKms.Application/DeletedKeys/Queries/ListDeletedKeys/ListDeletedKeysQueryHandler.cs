using AutoKms.Application.Common;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.DeletedKeys.Queries.ListDeletedKeys;

public sealed class ListDeletedKeysQueryHandler(IKeyReadService reads, KmsSettings settings, TimeProvider clock) : IRequestHandler<ListDeletedKeysQuery, IReadOnlyList<DeletedKeyDto>>
{
    public async Task<IReadOnlyList<DeletedKeyDto>> Handle(ListDeletedKeysQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rows = await reads.ListDeletedKeysAsync(request.Limit, request.Offset, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        return rows
            .Select(k => k with { PurgeAt = k.DeletedAt.AddDays(settings.DeletedKeyRetentionDays) })
            .Where(k => k.PurgeAt > now)
            .ToList();
    }
}
