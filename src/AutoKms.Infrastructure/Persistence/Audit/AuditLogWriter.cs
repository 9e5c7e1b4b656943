using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AutoKms.Infrastructure.Persistence.Audit;

/// <summary>
/// The one writer of the audit trail, with group commit: requests queue their entries and wait;
/// the writer takes everything pending (up to <see cref="MaxBatch"/>), appends it in one
/// transaction (one disk sync for the lot), and then completes every waiter of that batch, or
/// fails every one of them if the transaction failed. While a batch commits the next one gathers,
/// so the cost of a sync is shared by every request that arrived meanwhile (ADR 0014). Each commit
/// records its size in <c>autokms.audit.batch.records</c> and each record its wait, queued to
/// durable, in <c>autokms.audit.wait.duration</c>.
/// </summary>
public sealed partial class AuditLogWriter(IAuditLogAppender appender, IOptions<KmsOptions> options, ILogger<AuditLogWriter> logger, KmsMetrics? metrics = null)
    : GroupCommitWriter<AuditEntry>(MaxBatch), IAuditTrail
{
    public const int MaxBatch = 1000;

    public Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return options.Value.Audit.Enabled ? EnqueueAsync(entry, cancellationToken) : Task.CompletedTask;
    }

    protected override Exception Stopped() => new AuditUnavailableException(new InvalidOperationException("The audit writer has stopped."));

    protected override async Task CommitAsync(IReadOnlyList<Pending> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        try
        {
            await appender.AppendAsync([.. batch.Select(p => p.Item)], CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever failed, every waiter must hear of it, and the writer must live on for the next batch.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogWriteFailed(logger, ex, batch.Count);

            // Say why when the storage says: busy (retry), full or read-only (an operator must act).
            var failure = PersistenceErrors.Classify(ex) switch
            {
                StorageError.Busy => new AuditUnavailableException(new DatabaseBusyException(ex).Message, ex),
                StorageError.Full => new AuditUnavailableException($"{AuditUnavailableException.NotDoneMessage} {StorageUnavailableException.Full(ex).Message}", ex),
                StorageError.ReadOnly => new AuditUnavailableException($"{AuditUnavailableException.NotDoneMessage} {StorageUnavailableException.ReadOnly(ex).Message}", ex),
                StorageError.Unavailable => new AuditUnavailableException($"{AuditUnavailableException.NotDoneMessage} {StorageUnavailableException.Unreachable(ex).Message}", ex),
                _ => new AuditUnavailableException(ex),
            };
            foreach (var pending in batch)
            {
                pending.Done.TrySetException(failure);
            }

            return;
        }

        metrics?.AuditBatchCommitted(batch.Count);
        foreach (var pending in batch)
        {
            metrics?.AuditRecordDurable(pending.Enqueued);
            pending.Done.TrySetResult();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write {Count} audit record(s); their requests fail with 503")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int count);
}
