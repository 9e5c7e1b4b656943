using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Metrics;
using AutoKms.Domain.Keys;
using AutoKms.Infrastructure.Persistence.Repositories;
using Dapper;
using Microsoft.Extensions.Logging;

namespace AutoKms.Infrastructure.Persistence;

/// <summary>
/// Group commit for key creation (<see cref="GroupCommitWriter{TItem}"/>): requests queue their
/// new keys and wait; one writer takes everything pending (up to <see cref="MaxBatch"/> requests), inserts each request's keys under a
/// savepoint of one transaction — so a taken name undoes that request's keys alone — commits once
/// (one disk sync for the lot), and then answers every waiter. A failed commit fails every waiter
/// of the batch; nothing of it is stored. Concurrent creations on SQLite's single writer then
/// share syncs instead of taking turns for one each.
/// </summary>
public sealed partial class GroupCommittedKeyStore(
    KmsDatabase database,
    DatabaseActivity activity,
    ChangeFeed changes,
    ILoggerFactory loggers,
    KmsMetrics? metrics = null) : GroupCommitWriter<IReadOnlyList<Key>>(MaxBatch), INewKeyStore
{
    public const int MaxBatch = 256;

    private readonly ILogger _logger = loggers.CreateLogger<GroupCommittedKeyStore>();

    public Task AddAsync(IReadOnlyList<Key> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return EnqueueAsync(keys, cancellationToken);
    }

    protected override Exception Stopped() => new InvalidOperationException("The key store has stopped.");

    protected override async Task CommitAsync(IReadOnlyList<Pending> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var stored = new List<Pending>(batch.Count);
        try
        {
            await using var session = new DbSession(database, activity, loggers.CreateLogger<DbSession>(), metrics);
            var repository = new KeyRepository(session, activity, changes);
            await session.BeginAsync(CancellationToken.None).ConfigureAwait(false);
            foreach (var pending in batch)
            {
                await SavepointAsync(session, "SAVEPOINT new_keys").ConfigureAwait(false);
                try
                {
                    foreach (var key in pending.Item)
                    {
                        await repository.AddAsync(key, CancellationToken.None).ConfigureAwait(false);
                    }

                    await SavepointAsync(session, "RELEASE SAVEPOINT new_keys").ConfigureAwait(false);
                    stored.Add(pending);
                }
#pragma warning disable CA1031 // This request's failure is its own; the others of the group go on.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    await SavepointAsync(session, "ROLLBACK TO SAVEPOINT new_keys").ConfigureAwait(false);
                    await SavepointAsync(session, "RELEASE SAVEPOINT new_keys").ConfigureAwait(false);
                    pending.Done.TrySetException(ex);
                }
            }

            await session.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            activity.KeyCreationCommit();
        }
#pragma warning disable CA1031 // Whatever failed, every waiter must hear of it, and the writer must live on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogCommitFailed(_logger, ex, batch.Count);
            foreach (var pending in batch)
            {
                pending.Done.TrySetException(ex);
            }

            return;
        }

        stored.ForEach(p => p.Done.TrySetResult());
    }

    private static Task SavepointAsync(DbSession session, string sql) =>
        session.WriteAsync((connection, transaction) => connection.ExecuteAsync(new CommandDefinition(sql, transaction: transaction)), CancellationToken.None);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not store {Count} request(s) of new keys; they answer with the error")]
    private static partial void LogCommitFailed(ILogger logger, Exception exception, int count);
}
