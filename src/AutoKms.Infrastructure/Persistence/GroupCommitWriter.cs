using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;

namespace AutoKms.Infrastructure.Persistence;

/// <summary>
/// One writer with group commit, for what requests must have durable before they are answered
/// (audit records, new keys): callers queue an item and wait; the loop takes everything pending
/// (up to the batch size) and hands it to <see cref="CommitAsync"/>, which commits it in one
/// transaction — one disk sync for the lot — and completes or fails each waiter. While a batch
/// commits the next one gathers, so a sync is shared by every request that arrived meanwhile.
/// <see cref="StopAsync"/> takes no new items and returns once everything queued is written.
/// </summary>
public abstract class GroupCommitWriter<TItem>(int maxBatch) : IHostedService
{
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private Task? _loop;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop ??= Task.Run(WriteLoopAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await StartAsync(cancellationToken).ConfigureAwait(false);
        await _loop!.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Queues <paramref name="item"/>; the task completes once it is committed. A caller that gives
    /// up stops waiting; its item is committed (or not) with its batch all the same.
    /// </summary>
    protected Task EnqueueAsync(TItem item, CancellationToken cancellationToken)
    {
        var pending = new Pending(item);
        return _queue.Writer.TryWrite(pending)
            ? pending.Done.Task.WaitAsync(cancellationToken)
            : Task.FromException(Stopped());
    }

    /// <summary>What a caller gets once the writer has stopped taking items.</summary>
    protected abstract Exception Stopped();

    /// <summary>Commits the batch and completes (or fails) every one of its waiters; must not throw.</summary>
    protected abstract Task CommitAsync(IReadOnlyList<Pending> batch);

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>(maxBatch);
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            while (batch.Count < maxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            await CommitAsync(batch).ConfigureAwait(false);
            batch.Clear();
        }
    }

    /// <summary>A queued item and its waiter.</summary>
    protected sealed class Pending(TItem item)
    {
        public TItem Item { get; } = item;

        /// <summary>When it was queued (<see cref="Stopwatch.GetTimestamp"/>), for the wait metric.</summary>
        public long Enqueued { get; } = Stopwatch.GetTimestamp();

        // Completed on the writer's loop; continuations must not run there.
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
