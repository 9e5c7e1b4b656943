using System.Diagnostics;
using System.Threading.Channels;
using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Metrics;
using Microsoft.Extensions.Hosting;
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
    : IHostedService, IAuditTrail
{
    public const int MaxBatch = 1000;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    public Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!options.Value.Audit.Enabled)
        {
            return Task.CompletedTask;
        }

        var pending = new Pending(entry);
        if (!_queue.Writer.TryWrite(pending))
        {
            return Task.FromException(new AuditUnavailableException(new InvalidOperationException("The audit writer has stopped.")));
        }

        // A caller that gives up stops waiting; its record is written all the same.
        return pending.Written.Task.WaitAsync(cancellationToken);
    }

    private Task? _loop;

    /// <summary>Starts the writing loop. Not a BackgroundService: the loop must run even if the host stops at once, to drain the queue.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop ??= Task.Run(WriteLoopAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Takes no new entries, writes what is queued, and returns once the loop has ended.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await StartAsync(cancellationToken).ConfigureAwait(false);
        await _loop!.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            await WriteAsync(batch).ConfigureAwait(false);
            batch.Clear();
        }
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        try
        {
            await appender.AppendAsync(batch.ConvertAll(p => p.Entry), CancellationToken.None).ConfigureAwait(false);
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
            batch.ForEach(p => p.Written.TrySetException(failure));
            return;
        }

        metrics?.AuditBatchCommitted(batch.Count);
        foreach (var pending in batch)
        {
            metrics?.AuditRecordDurable(pending.Enqueued);
            pending.Written.TrySetResult();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write {Count} audit record(s); their requests fail with 503")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int count);

    private sealed class Pending(AuditEntry entry)
    {
        public AuditEntry Entry { get; } = entry;

        public long Enqueued { get; } = Stopwatch.GetTimestamp();

        // Completed on the writer's loop; continuations must not run there.
        public TaskCompletionSource Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
