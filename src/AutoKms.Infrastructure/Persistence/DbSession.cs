using System.Data.Common;
using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Metrics;
using Dapper;
using Microsoft.Extensions.Logging;

namespace AutoKms.Infrastructure.Persistence;

/// <summary>
/// One connection per request scope, opened on first use, and at most one transaction on it. Every
/// repository of the scope runs its SQL through this session, on this connection and inside this
/// transaction, so a request's writes commit together. It is also where a request's database
/// calls leave Infrastructure: a busy or locked database surfaces as <see cref="DatabaseBusyException"/>.
/// One rule for transactions: nothing opens one implicitly. A write needs the transaction a use
/// case began (<see cref="IUnitOfWork"/>, or <see cref="ITransactionalRequest"/> through the
/// pipeline); a write without one is a bug and throws. The provider (<see cref="KmsDatabase"/>)
/// opens the connection and begins its write transactions.
/// </summary>
public sealed partial class DbSession(KmsDatabase database, DatabaseActivity activity, ILogger<DbSession> logger, KmsMetrics? metrics = null) : IUnitOfWork, IAsyncDisposable
{
    private readonly List<Action> _afterCommit = [];

    private readonly List<(string Sql, object Row)> _changes = [];

    private DbConnection? _connection;

    private DbTransaction? _transaction;

    private bool _checkpointRequested;

    /// <summary>The provider, for the repositories' choice of statement text (<see cref="KmsDatabase.Sql"/>).</summary>
    public KmsDatabase Database => database;

    /// <summary>
    /// Asks for the provider's after-erase step once the commit is in (SQLite: the write-ahead log
    /// checkpointed and truncated, so erased material does not linger in <c>-wal</c>).
    /// </summary>
    public void RequestCheckpoint() => _checkpointRequested = true;

    public Task BeginAsync(CancellationToken cancellationToken) =>
        PersistenceErrors.TranslateBusyAsync(async () =>
        {
            if (_transaction is not null)
            {
                throw new InvalidOperationException("A transaction is already open on this session.");
            }

            activity.SessionCommand();
            var connection = await ConnectionAsync(cancellationToken).ConfigureAwait(false);
            _transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        }, metrics, "begin");

    public Task CommitAsync(CancellationToken cancellationToken) =>
        PersistenceErrors.TranslateBusyAsync(async () =>
        {
            if (_transaction is null)
            {
                return;
            }

            activity.SessionCommand();
            await AppendChangesAsync(cancellationToken).ConfigureAwait(false);
            await _transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            await _transaction.DisposeAsync().ConfigureAwait(false);
            _transaction = null;
            RunAfterCommit();
            await CheckpointIfRequestedAsync(cancellationToken).ConfigureAwait(false);
        }, metrics, "commit");

    public void AfterCommit(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (_transaction is null)
        {
            action();
            return;
        }

        _afterCommit.Add(action);
    }

    /// <summary>
    /// Appends a row to the change feed (<see cref="ChangeFeed"/>) with this transaction: written
    /// just before the commit, so it commits or rolls back with the change it reports.
    /// </summary>
    public void AppendChange(string sql, object row)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(row);
        if (_transaction is null)
        {
            throw new InvalidOperationException("A change-feed row needs an open transaction.");
        }

        _changes.Add((sql, row));
    }

    public Task RollbackAsync(CancellationToken cancellationToken) =>
        PersistenceErrors.TranslateBusyAsync(async () =>
        {
            if (_transaction is null)
            {
                return;
            }

            _afterCommit.Clear();
            _changes.Clear();
            await _transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            await _transaction.DisposeAsync().ConfigureAwait(false);
            _transaction = null;
        }, metrics, "rollback");

    /// <summary>The rows one query answers.</summary>
    public Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<T>>(
            async (connection, transaction) => (await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList(),
            cancellationToken);

    /// <summary>The one row a query answers, or <c>default</c> when it answers none.</summary>
    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        ReadAsync((connection, transaction) => connection.QuerySingleOrDefaultAsync<T>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken)), cancellationToken);

    /// <summary>The first column of the first row a query answers.</summary>
    public Task<T?> ExecuteScalarAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        ReadAsync((connection, transaction) => connection.ExecuteScalarAsync<T>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken)), cancellationToken);

    /// <summary>
    /// A read the helpers above do not cover (several result sets, say), on the session's
    /// connection and inside the request's transaction when there is one.
    /// </summary>
    public Task<T> ReadAsync<T>(Func<DbConnection, DbTransaction?, Task<T>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        return PersistenceErrors.TranslateBusyAsync(async () =>
        {
            activity.SessionCommand();
            var connection = await ConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await read(connection, _transaction).ConfigureAwait(false);
        }, metrics, "read");
    }

    /// <summary>
    /// Runs a write inside the transaction the use case began; throws when none is open, so no
    /// write ever commits on its own by accident and a multi-statement save is never half applied.
    /// </summary>
    public Task WriteAsync(Func<DbConnection, DbTransaction, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (_transaction is null)
        {
            throw new InvalidOperationException("A write needs an open transaction: begin one through IUnitOfWork (or mark the request ITransactionalRequest).");
        }

        return PersistenceErrors.TranslateBusyAsync(async () =>
        {
            activity.SessionCommand();
            var connection = await ConnectionAsync(cancellationToken).ConfigureAwait(false);
            await write(connection, _transaction).ConfigureAwait(false);
        }, metrics, "write");
    }

    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync().ConfigureAwait(false);
            _transaction = null;
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
            _connection = null;
        }
    }

    // PostgreSQL: the feed's lock first, held from here to the commit only (ChangeFeed).
    private async Task AppendChangesAsync(CancellationToken cancellationToken)
    {
        if (_changes.Count == 0)
        {
            return;
        }

        if (database.Sql<string?>(sqlite: null, postgres: ChangeFeed.LockPostgresSql) is { } lockFeed)
        {
            await _connection!.ExecuteAsync(new CommandDefinition(lockFeed, transaction: _transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        foreach (var (sql, row) in _changes)
        {
            await _connection!.ExecuteAsync(new CommandDefinition(sql, row, _transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        _changes.Clear();
    }

    private void RunAfterCommit()
    {
        var actions = _afterCommit.ToArray();
        _afterCommit.Clear();
        foreach (var action in actions)
        {
            action();
        }
    }

    private async Task<DbConnection> ConnectionAsync(CancellationToken cancellationToken) =>
        _connection ??= await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

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
            await database.AfterEraseAsync(_connection, cancellationToken).ConfigureAwait(false);
        }
        catch (DbException ex)
        {
            LogCheckpointFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not truncate the write-ahead log after erasing key material; SQLite will checkpoint it later")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception);
}
