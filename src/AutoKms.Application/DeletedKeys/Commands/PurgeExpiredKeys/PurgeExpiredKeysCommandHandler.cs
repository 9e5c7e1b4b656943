using AutoKms.Application.Common;
using AutoKms.Application.Common.Interfaces;
using MediatR;

namespace AutoKms.Application.DeletedKeys.Commands.PurgeExpiredKeys;

public sealed class PurgeExpiredKeysCommandHandler(IKeyRepository keys, TimeProvider clock, KmsSettings settings) : IRequestHandler<PurgeExpiredKeysCommand, int>
{
    public async Task<int> Handle(PurgeExpiredKeysCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var cutoff = clock.GetUtcNow().AddDays(-settings.DeletedKeyRetentionDays);
        var expired = await keys.FindDeletedBeforeAsync(cutoff, request.Limit, cancellationToken).ConfigureAwait(false);
        foreach (var id in expired)
        {
            await keys.PurgeAsync(id, cancellationToken).ConfigureAwait(false);
        }

        return expired.Count;
    }
}
