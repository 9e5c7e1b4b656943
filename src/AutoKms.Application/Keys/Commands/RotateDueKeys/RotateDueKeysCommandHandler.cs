using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Interfaces;
using MediatR;
using Microsoft.Extensions.Logging;

namespace AutoKms.Application.Keys.Commands.RotateDueKeys;

/// <summary>
/// Each due key rotates in a transaction of its own, re-checked inside it. A key that fails is
/// logged and skipped: one bad key never stops the others from rotating. Each key's rotation is
/// audited on its own (<see cref="AuditOperations.ScheduledRotation"/>): one record per run would
/// not say which keys changed.
/// </summary>
public sealed partial class RotateDueKeysCommandHandler(
    IKeyRepository keys,
    KeyProvisioning provisioning,
    TimeProvider clock,
    AuditRecorder audit,
    ILogger<RotateDueKeysCommandHandler> logger) : IRequestHandler<RotateDueKeysCommand, int>
{
    public async Task<int> Handle(RotateDueKeysCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var due = await keys.FindDueForRotationAsync(clock.GetUtcNow(), request.Limit, cancellationToken).ConfigureAwait(false);
        var rotated = 0;
        foreach (var id in due)
        {
            try
            {
                var version = await audit.RunAsync(
                    AuditOperations.ScheduledRotation,
                    id,
                    null,
                    () => provisioning.RotateAsync(id, key => key.IsRotationDue(clock.GetUtcNow()), cancellationToken),
                    cancellationToken).ConfigureAwait(false);
                if (version is not null)
                {
                    rotated++;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRotationFailed(logger, ex, id);
            }
        }

        return rotated;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled rotation of key {KeyId} failed; the other due keys still rotate")]
    private static partial void LogRotationFailed(ILogger logger, Exception exception, Guid keyId);
}
