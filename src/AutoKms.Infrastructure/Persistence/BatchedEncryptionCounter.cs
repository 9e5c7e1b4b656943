using System.Collections.Concurrent;
using System.Data.Common;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Metrics;
using Dapper;
using Microsoft.Extensions.Logging;

namespace AutoKms.Infrastructure.Persistence;

/// <summary>
/// Counts encryptions in memory and adds them to <c>key_versions.encryptions</c> in one transaction
/// per flush: every second (<see cref="Maintenance.EncryptionCounterFlusher"/>), as soon as a version has
/// <see cref="FlushThreshold"/> unpersisted, and at shutdown. A crash loses at most what was not
/// yet flushed; the hot path never waits for a disk write. Each flush records how many versions it
/// persisted in <c>autokms.encryption_counter.flush.versions</c>.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The lock must outlive container disposal for the final flush; its wait handle is never created.")]
public sealed partial class BatchedEncryptionCounter(KmsDatabase database, ILogger<BatchedEncryptionCounter> logger, KmsMetrics? metrics = null) : IEncryptionCounter
{
    public const long FlushThreshold = 1000;

    private const string AddSql = "UPDATE key_versions SET encryptions = encryptions + @Count WHERE id = @Id";

    // One cell per version, added to with Interlocked: the hot path never takes a lock here.
    private readonly ConcurrentDictionary<Guid, Cell> _pending = new();
    private readonly ConcurrentDictionary<Guid, long> _inFlight = new();
    // Never disposed on purpose: the final flush runs while the host shuts down, and a
    // SemaphoreSlim whose wait handle is never used holds no unmanaged resource.
    private readonly SemaphoreSlim _flushLock = new(1, 1);

    public void Record(Guid versionId, long count)
    {
        var total = _pending.GetOrAdd(versionId, static _ => new Cell()).Add(count);
        if (total >= FlushThreshold && total - count < FlushThreshold)
        {
            _ = FlushQuietlyAsync();
        }
    }

    public long Unpersisted(Guid versionId) =>
        (_pending.TryGetValue(versionId, out var pending) ? pending.Value : 0) + (_inFlight.TryGetValue(versionId, out var flying) ? flying : 0);

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _flushLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var batch = new List<(Guid Id, long Count)>();
            foreach (var (id, cell) in _pending)
            {
                var count = cell.Take();
                if (count != 0)
                {
                    _inFlight[id] = count;
                    batch.Add((id, count));
                }
            }

            if (batch.Count == 0)
            {
                return;
            }

            try
            {
                await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);

                // In one order every time, so two flushes (two instances on one PostgreSQL) never deadlock.
                foreach (var (id, count) in batch.OrderBy(item => item.Id))
                {
                    await connection.ExecuteAsync(new CommandDefinition(AddSql, new { Id = id, Count = count }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                metrics?.EncryptionCountsFlushed(batch.Count);
            }
            catch
            {
                // Put the counts back: a failed flush must not lose them.
                foreach (var (id, count) in batch)
                {
                    _pending.GetOrAdd(id, static _ => new Cell()).Add(count);
                }

                throw;
            }
            finally
            {
                foreach (var (id, _) in batch)
                {
                    _inFlight.TryRemove(id, out _);
                }
            }
        }
        finally
        {
            _flushLock.Release();
        }
    }

    private async Task FlushQuietlyAsync()
    {
        try
        {
            await FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or ObjectDisposedException)
        {
            LogFlushFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not persist encryption counts; they stay pending and will be retried")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception);

    /// <summary>A version's unwritten count. Cells stay once made (one per version used), so an add never lands in a removed cell.</summary>
    private sealed class Cell
    {
        private long _value;

        public long Value => Interlocked.Read(ref _value);

        public long Add(long count) => Interlocked.Add(ref _value, count);

        public long Take() => Interlocked.Exchange(ref _value, 0);
    }
}
