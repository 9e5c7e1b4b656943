using AutoKms.Application.Common;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using AutoKms.Domain.Keys;
using MediatR;
using Microsoft.Extensions.Options;

namespace AutoKms.Application.DeletedKeys.Queries.ListDeletedKeys;

/// <summary>
/// The window is applied by the read side (deleted after the cutoff), not to the page it answers,
/// so a page is never short while more recoverable keys remain.
/// </summary>
public sealed class ListDeletedKeysQueryHandler(IKeyReadService reads, IOptions<KmsSettings> settings, TimeProvider clock, ICallerContext context) : IRequestHandler<ListDeletedKeysQuery, IReadOnlyList<DeletedKeyDto>>
{
    public async Task<IReadOnlyList<DeletedKeyDto>> Handle(ListDeletedKeysQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var retention = settings.Value.DeletedKeyRetention;
        var cutoff = Key.PurgeCutoff(clock.GetUtcNow(), retention);
        var rows = await reads.ListDeletedKeysAsync(cutoff, context.Caller.KeyGlobs, request.Limit, request.Offset, cancellationToken).ConfigureAwait(false);
        return rows.Select(k => k with { PurgeAt = Key.PurgeAtFor(k.DeletedAt, retention) }).ToList();
    }
}
