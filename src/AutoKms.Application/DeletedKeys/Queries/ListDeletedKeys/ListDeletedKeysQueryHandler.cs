using AutoKms.Application.Common;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using AutoKms.Domain.Keys;
using MediatR;

namespace AutoKms.Application.DeletedKeys.Queries.ListDeletedKeys;

public sealed class ListDeletedKeysQueryHandler(IKeyReadService reads, KmsSettings settings, TimeProvider clock) : IRequestHandler<ListDeletedKeysQuery, IReadOnlyList<DeletedKeyDto>>
{
    public async Task<IReadOnlyList<DeletedKeyDto>> Handle(ListDeletedKeysQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rows = await reads.ListDeletedKeysAsync(request.Limit, request.Offset, cancellationToken).ConfigureAwait(false);
        var retention = settings.DeletedKeyRetention;
        var cutoff = Key.PurgeCutoff(clock.GetUtcNow(), retention);
        return rows
            .Where(k => k.DeletedAt > cutoff)
            .Select(k => k with { PurgeAt = Key.PurgeAtFor(k.DeletedAt, retention) })
            .ToList();
    }
}
