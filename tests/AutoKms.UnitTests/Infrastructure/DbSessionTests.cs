using AutoKms.Application.Common.Exceptions;
using AutoKms.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace AutoKms.UnitTests.Infrastructure;

/// <summary>
/// A real lock on a real SQLite database: an in-memory shared-cache one, where a held write lock
/// answers SQLITE_LOCKED at once (no busy_timeout wait), and a one-second command timeout bounds
/// Microsoft.Data.Sqlite's own retries.
/// </summary>
public sealed class DbSessionTests
{
    private readonly SqliteDatabase _database = new("Data Source=:memory:;Default Timeout=1");

    private SqliteConnection? _holder;

    private SqliteTransaction? _held;

    [Test]
    public async Task BeginAsync_WhileAnotherConnectionHoldsTheWriteLock_ThrowsDatabaseBusy()
    {
        await HoldWriteLockAsync();
        await using var session = new DbSession(_database, new DatabaseActivity(), NullLogger<DbSession>.Instance);

        var error = Assert.ThrowsAsync<DatabaseBusyException>(() => session.BeginAsync(CancellationToken.None));

        Assert.That(error!.InnerException, Is.TypeOf<SqliteException>());
    }

    [Test]
    public async Task QueryAsync_OfATableAnotherConnectionIsWriting_ThrowsDatabaseBusy()
    {
        await HoldWriteLockAsync();
        await using var session = new DbSession(_database, new DatabaseActivity(), NullLogger<DbSession>.Instance);

        Assert.ThrowsAsync<DatabaseBusyException>(() => session.QueryAsync<long>("SELECT x FROM t", null, CancellationToken.None));
    }

    [Test]
    public async Task WriteAsync_WhenTheLockIsFree_Commits()
    {
        await using (var setup = await _database.OpenAsync(CancellationToken.None))
        await using (var create = setup.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t (x INTEGER)";
            await create.ExecuteNonQueryAsync();
        }

        await using var session = new DbSession(_database, new DatabaseActivity(), NullLogger<DbSession>.Instance);
        var committed = false;
        await session.BeginAsync(CancellationToken.None);
        session.AfterCommit(() => committed = true);
        await session.WriteAsync(InsertSevenAsync, CancellationToken.None);
        Assert.That(committed, Is.False, "after-commit actions wait for the commit");
        await session.CommitAsync(CancellationToken.None);

        Assert.That(committed, Is.True);
        Assert.That(await session.QueryAsync<long>("SELECT x FROM t", null, CancellationToken.None), Is.EqualTo(new[] { 7L }));
    }

    [Test]
    public async Task WriteAsync_WithoutATransaction_Throws_AndWritesNothing()
    {
        await CreateTableAsync();
        await using var session = new DbSession(_database, new DatabaseActivity(), NullLogger<DbSession>.Instance);

        Assert.ThrowsAsync<InvalidOperationException>(() => session.WriteAsync(InsertSevenAsync, CancellationToken.None));

        Assert.That(await session.QueryAsync<long>("SELECT x FROM t", null, CancellationToken.None), Is.Empty);
    }

    [Test]
    public async Task AfterCommit_actions_of_a_rolled_back_transaction_never_run()
    {
        await CreateTableAsync();
        await using var session = new DbSession(_database, new DatabaseActivity(), NullLogger<DbSession>.Instance);
        var ran = false;
        await session.BeginAsync(CancellationToken.None);
        session.AfterCommit(() => ran = true);
        await session.WriteAsync(InsertSevenAsync, CancellationToken.None);
        await session.RollbackAsync(CancellationToken.None);

        Assert.That(ran, Is.False);
        Assert.That(await session.QueryAsync<long>("SELECT x FROM t", null, CancellationToken.None), Is.Empty);
    }

    private static async Task InsertSevenAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO t VALUES (7)";
        await insert.ExecuteNonQueryAsync();
    }

    private async Task CreateTableAsync()
    {
        await using var setup = await _database.OpenAsync(CancellationToken.None);
        await using var create = setup.CreateCommand();
        create.CommandText = "CREATE TABLE t (x INTEGER)";
        await create.ExecuteNonQueryAsync();
    }

    [TearDown]
    public async Task ReleaseLockAndDatabase()
    {
        if (_held is not null)
        {
            await _held.DisposeAsync();
        }

        if (_holder is not null)
        {
            await _holder.DisposeAsync();
        }

        _database.Dispose();
    }

    private async Task HoldWriteLockAsync()
    {
        _holder = await _database.OpenAsync(CancellationToken.None);
        await using (var create = _holder.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t (x INTEGER)";
            await create.ExecuteNonQueryAsync();
        }

        _held = _holder.BeginTransaction(deferred: false);
        await using var insert = _holder.CreateCommand();
        insert.Transaction = _held;
        insert.CommandText = "INSERT INTO t VALUES (1)";
        await insert.ExecuteNonQueryAsync();
    }
}
