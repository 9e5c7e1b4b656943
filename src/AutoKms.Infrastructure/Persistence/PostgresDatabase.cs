using System.Data;
using System.Data.Common;
using System.Globalization;
using AutoKms.Infrastructure.Persistence.Migrations;
using Npgsql;

namespace AutoKms.Infrastructure.Persistence;

/// <summary>
/// A PostgreSQL database through one pooled Npgsql data source (<c>ConnectionStrings:Kms</c>).
/// Write transactions are READ COMMITTED; the repositories lock the rows they read to change
/// (<c>SELECT ... FOR UPDATE</c>) where SQLite's database-wide write lock did that for them, and
/// every write transaction holds a shared advisory lock that <see cref="AwaitEarlierWritesAsync"/>
/// takes exclusively (ADR 0018). Lock waits end after <see cref="DefaultLockTimeout"/> unless the
/// connection string says otherwise, like SQLite's busy timeout: the request answers 503 busy.
/// </summary>
public sealed class PostgresDatabase : KmsDatabase
{
    /// <summary>How long a statement waits for a row or table lock before giving up (PostgreSQL 55P03, busy).</summary>
    public const string DefaultLockTimeout = "10s";

    // Advisory lock keys, in the database's own key space: "akms" then a number.
    private const long WriteBarrierLock = 0x616B_6D73_0000_0001;
    private const long MigrationLock = 0x616B_6D73_0000_0002;

    private readonly NpgsqlDataSource _dataSource;

    public PostgresDatabase(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("ConnectionStrings:Kms is required with Kms:Database:Provider=postgres.");
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Options is null || !builder.Options.Contains("lock_timeout", StringComparison.Ordinal))
        {
            builder.Options = $"{builder.Options} -c lock_timeout={DefaultLockTimeout}".Trim();
        }

        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = "autokms";
        }

        Description = $"the PostgreSQL database '{builder.Database}' on {builder.Host}:{builder.Port}";
        _dataSource = new NpgsqlDataSourceBuilder(builder.ConnectionString).Build();
    }

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override string Description { get; }

    public override IReadOnlyList<Migration> Migrations => PostgresMigrations.All;

    /// <summary>
    /// 23505 a unique index; 40001 serialization failure, 40P01 deadlock, 55P03 lock timeout and
    /// 57014 statement timeout are busy (retry); 53100 disk full; 25006 a read-only transaction
    /// (a hot standby, default_transaction_read_only); connection failures (class 08, the server
    /// shutting down or refusing connections, a broken stream) unavailable; a pool that stayed
    /// exhausted (a timeout) busy.
    /// </summary>
    public static StorageError Classify(NpgsqlException exception) => exception switch
    {
        null => throw new ArgumentNullException(nameof(exception)),
        PostgresException postgres => postgres.SqlState switch
        {
            PostgresErrorCodes.UniqueViolation => StorageError.UniqueViolation,
            PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected
                or PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.QueryCanceled => StorageError.Busy,
            PostgresErrorCodes.DiskFull => StorageError.Full,
            PostgresErrorCodes.ReadOnlySqlTransaction => StorageError.ReadOnly,
            PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.AdminShutdown
                or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow => StorageError.Unavailable,
            var state when state.StartsWith("08", StringComparison.Ordinal) => StorageError.Unavailable,
            _ => StorageError.None,
        },
        NpgsqlOperationInProgressException => StorageError.None,
        { InnerException: TimeoutException } => StorageError.Busy,
        _ => StorageError.Unavailable,
    };

    public override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var transaction = await ((NpgsqlConnection)connection).BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock_shared(@Lock)", WriteBarrierLock, cancellationToken).ConfigureAwait(false);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Takes the write barrier exclusively and lets it go: that waits for every write transaction
    /// holding it shared (all begun before), and every later one begins after.
    /// </summary>
    public override async Task AwaitEarlierWritesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var barrier = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);

        // No lock timeout here: the barrier waits as long as the longest earlier write.
        await ExecuteAsync(connection, barrier, "SET LOCAL lock_timeout = 0", null, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, barrier, "SELECT pg_advisory_xact_lock(@Lock)", WriteBarrierLock, cancellationToken).ConfigureAwait(false);
        await barrier.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A session advisory lock around the whole migration: a second instance waits, then finds nothing to do.</summary>
    public override async Task RunMigrationAsync(DbConnection connection, Func<Task> migrate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(migrate);
        await ExecuteAsync(connection, null, "SET lock_timeout = 0", null, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, null, "SELECT pg_advisory_lock(@Lock)", MigrationLock, cancellationToken).ConfigureAwait(false);
        try
        {
            await migrate().ConfigureAwait(false);
        }
        finally
        {
            await ExecuteAsync(connection, null, "SELECT pg_advisory_unlock(@Lock)", MigrationLock, CancellationToken.None).ConfigureAwait(false);
            await ExecuteAsync(connection, null, "RESET lock_timeout", null, CancellationToken.None).ConfigureAwait(false);
        }
    }

    public override bool HasData()
    {
        using var connection = _dataSource.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT to_regclass('kms_meta') IS NOT NULL";
        if (!Convert.ToBoolean(command.ExecuteScalar(), CultureInfo.InvariantCulture))
        {
            return false;
        }

        command.CommandText = "SELECT EXISTS (SELECT 1 FROM kms_meta)";
        return Convert.ToBoolean(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _dataSource.Dispose();
        }

        base.Dispose(disposing);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, long? lockKey, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        if (lockKey is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<long>("Lock", lockKey.Value));
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
