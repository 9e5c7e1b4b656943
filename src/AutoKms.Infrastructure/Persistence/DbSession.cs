using System.Data.Common;
using AutoKms.Application.Common.Interfaces;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace AutoKms.Infrastructure.Persistence;

/// <summary>
/// One connection per request scope, opened on first use, and at most one transaction on it. Every
/// repository of the scope runs on this connection and transaction, so a request's writes commit
/// together.
/// </summary>
public sealed partial class DbSession(SqliteDatabase database, ILogger<DbSession> logger) : IUnitOfWork, IAsyncDisposable
{
    private SqliteConnection? _connection;

    private bool _checkpointRequested;

    public DbTransaction? Transaction { get; private set; }

    /// <summary>
    /// Asks for the write-ahead log to be checkpointed and truncated after the commit, so erased
    /// material (destroyed versions, purged keys) does not linger in <c>-wal</c>.
    /// </summary>
    public void RequestCheckpoint() => _checkpointRequested = true;

    public async Task<SqliteConnection> ConnectionAsync(CancellationToken cancellationToken) =>
        _connection ??= await database.OpenAsync(cancellationToken).ConfigureAwait(false);

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        if (Transaction is not null)
        {
            throw new InvalidOperationException("A transaction is already open on this session.");
        }

        var connection = await ConnectionAsync(cancellationToken).ConfigureAwait(false);

        // BEGIN IMMEDIATE: take the write lock up front, so two writers never deadlock upgrading a read lock.
        Transaction = connection.BeginTransaction(deferred: false);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (Transaction is null)
        {
            return;
        }

        await Transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        await Transaction.DisposeAsync().ConfigureAwait(false);
        Transaction = null;
        await CheckpointIfRequestedAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task RollbackAsync(CancellationToken cancellationToken)
    {
        if (Transaction is null)
        {
            return;
        }

        await Transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
        await Transaction.DisposeAsync().ConfigureAwait(false);
        Transaction = null;
    }

    /// <summary>
    /// Runs a write inside the request's transaction, or inside a transaction of its own when the
    /// request has none, so a multi-statement save is never half applied.
    /// </summary>
    public async Task WriteAsync(Func<SqliteConnection, DbTransaction, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var connection = await ConnectionAsync(cancellationToken).ConfigureAwait(false);
        if (Transaction is not null)
        {
            await write(connection, Transaction).ConfigureAwait(false);
            return;
        }

        await using var local = connection.BeginTransaction(deferred: false);
        await write(connection, local).ConfigureAwait(false);
        await local.CommitAsync(cancellationToken).ConfigureAwait(false);
        await local.DisposeAsync().ConfigureAwait(false);
        await CheckpointIfRequestedAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task CheckpointIfRequestedAsync(CancellationToken cancellationToken)
    {
        if (!_checkpointRequested || _connection is null)
        {
            return;
        }

        _checkpointRequested = false;

        // Best effort, after the commit: the erase itself has landed; a busy checkpoint (readers
        // still on old pages) is retried by SQLite's own automatic checkpoints.
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            LogCheckpointFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not truncate the write-ahead log after erasing key material; SQLite will checkpoint it later")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception);

    public async ValueTask DisposeAsync()
    {
        if (Transaction is not null)
        {
            await Transaction.DisposeAsync().ConfigureAwait(false);
            Transaction = null;
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
            _connection = null;
        }
    }
}
