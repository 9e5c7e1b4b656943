using System.Data.Common;
using AutoKms.Infrastructure.Persistence.Migrations;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AutoKms.Infrastructure.Persistence;

/// <summary>
/// Opens connections to the configured SQLite database with the settings every connection needs:
/// foreign keys on, FULL synchronous commits (an acknowledged write survives a crash) and a busy
/// timeout so concurrent writers wait instead of failing, and secure_delete so erased material
/// (destroyed versions, purged keys) is overwritten in the file, not just unlinked.
/// </summary>
public sealed class SqliteDatabase : KmsDatabase
{
    public const string DefaultConnectionString = "Data Source=kms.db";

    private const string ConnectionPragmas = """
        PRAGMA foreign_keys = ON;
        PRAGMA synchronous = FULL;
        PRAGMA busy_timeout = 10000;
        PRAGMA secure_delete = ON;
        """;

    public SqliteDatabase(string? connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(connectionString) ? DefaultConnectionString : connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource == ":memory:")
        {
            // One in-memory database shared by every connection of this process, kept alive by
            // one connection held open: without it, each pooled connection would see its own.
            builder.DataSource = $"autokms-{Guid.NewGuid():N}";
            builder.Mode = SqliteOpenMode.Memory;
            builder.Cache = SqliteCacheMode.Shared;
            ConnectionString = builder.ToString();
            _keepAlive = new SqliteConnection(ConnectionString);
            _keepAlive.Open();
            return;
        }

        builder.DataSource = Path.GetFullPath(builder.DataSource);
        FilePath = builder.DataSource;
        builder.Pooling = true;
        ConnectionString = builder.ToString();
    }

    private readonly SqliteConnection? _keepAlive;

    // SQLite's primary result codes (the low byte of an extended code) and the extended codes of a
    // unique index and a primary key refusing a row (PostgreSQL says 23505 for both).
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteReadOnly = 8;
    private const int SqliteFull = 13;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    public string ConnectionString { get; }

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override string Description => FilePath is null ? "the in-memory SQLite database" : $"the database {FilePath}";

    /// <summary>The full path of the database file, or <c>null</c> for an in-memory database.</summary>
    public override string? FilePath { get; }

    public override bool IsEphemeral => FilePath is null;

    public override IReadOnlyList<Migration> Migrations => SqliteMigrations.All;

    /// <summary>
    /// SQLITE_BUSY or SQLITE_LOCKED (extended codes included): another connection held the lock past
    /// the wait; 13 full, 8 read-only; SQLITE_CONSTRAINT_UNIQUE or _PRIMARYKEY a unique index.
    /// </summary>
    public static StorageError Classify(SqliteException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey
            ? StorageError.UniqueViolation
            : exception.SqliteErrorCode switch
            {
                SqliteBusy or SqliteLocked => StorageError.Busy,
                SqliteFull => StorageError.Full,
                SqliteReadOnly => StorageError.ReadOnly,
                _ => StorageError.None,
            };
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _keepAlive?.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>
    /// Creates a missing database file empty, readable and writable by the owner only (0600).
    /// SQLite creates <c>-wal</c> and <c>-shm</c> with the database file's permissions, so they
    /// are 0600 too. An existing file keeps its mode.
    /// </summary>
    public override void EnsureCreated()
    {
        if (FilePath is null || File.Exists(FilePath))
        {
            return;
        }

        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var created = new FileStream(FilePath, options);
        }
        catch (IOException) when (File.Exists(FilePath))
        {
            // Created meanwhile by another process: SQLite opens it as it is.
        }
    }

    public override bool HasData() => FilePath is not null && File.Exists(FilePath) && new FileInfo(FilePath).Length > 0;

    public override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await OpenAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>BEGIN IMMEDIATE: the write lock up front, so two writers never deadlock upgrading a read lock.</summary>
    public override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));
    }

    /// <summary>SQLite has one writer: once this takes the write lock, every earlier write transaction has ended.</summary>
    public override async Task AwaitEarlierWritesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var barrier = connection.BeginTransaction(deferred: false);
        await barrier.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>WAL lets readers run beside the single writer; the mode is stored in the file.</summary>
    public override async Task RunMigrationAsync(DbConnection connection, Func<Task> migrate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(migrate);
        await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode = WAL;", cancellationToken: cancellationToken)).ConfigureAwait(false);
        await migrate().ConfigureAwait(false);
    }

    /// <summary>
    /// Checkpoints and truncates the write-ahead log, so erased material (destroyed versions, purged
    /// keys, blobs sealed under a retired root key) does not linger in <c>-wal</c>; secure_delete
    /// has already overwritten it in the file.
    /// </summary>
    public override async Task AfterEraseAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await connection.ExecuteAsync(new CommandDefinition("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var command = connection.CreateCommand();
            command.CommandText = ConnectionPragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
