using AutoKms.Application.Common;
using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Domain.Keys;
using MediatR;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging;

namespace AutoKms.Application.DeletedKeys.Commands.PurgeExpiredKeys;

/// <summary>
/// Purges each expired key on its own, in its own transaction; one that fails is logged and the others are still purged.
/// Each purge is audited on its own (<see cref="AuditOperations.ScheduledPurge"/>).
/// </summary>
public sealed partial class PurgeExpiredKeysCommandHandler(
    IKeyRepository keys,
    IUnitOfWork unitOfWork,
    TimeProvider clock,
    AuditRecorder audit,
    IOptions<KmsSettings> settings,
    ILogger<PurgeExpiredKeysCommandHandler> logger) : IRequestHandler<PurgeExpiredKeysCommand, int>
{
    public async Task<int> Handle(PurgeExpiredKeysCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var cutoff = Key.PurgeCutoff(clock.GetUtcNow(), settings.Value.DeletedKeyRetention);
        var expired = await keys.FindDeletedBeforeAsync(cutoff, request.Limit, cancellationToken).ConfigureAwait(false);
        var purged = 0;
        foreach (var id in expired)
        {
            try
            {
                if (await audit.RunAsync(AuditOperations.ScheduledPurge, id, null, () => unitOfWork.InTransactionAsync(() => keys.PurgeAsync(id, cutoff, cancellationToken), cancellationToken), cancellationToken).ConfigureAwait(false))
                {
                    purged++;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPurgeFailed(logger, ex, id);
            }
        }

        return purged;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Purge of deleted key {KeyId} failed; the other expired keys are still purged")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception, Guid keyId);
}
