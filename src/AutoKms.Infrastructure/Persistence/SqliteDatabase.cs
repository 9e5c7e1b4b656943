using Microsoft.Data.Sqlite;

namespace AutoKms.Infrastructure.Persistence;

/// <summary>
/// Opens connections to the configured SQLite database with the settings every connection needs:
/// foreign keys on, FULL synchronous commits (an acknowledged write survives a crash) and a busy
/// timeout so concurrent writers wait instead of failing, and secure_delete so erased material
/// (destroyed versions, purged keys) is overwritten in the file, not just unlinked.
/// </summary>
public sealed class SqliteDatabase : IDisposable
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

    public string ConnectionString { get; }

    /// <summary>The full path of the database file, or <c>null</c> for an in-memory database.</summary>
    public string? FilePath { get; }

    public void Dispose() => _keepAlive?.Dispose();

    /// <summary>
    /// Creates a missing database file empty, readable and writable by the owner only (0600).
    /// SQLite creates <c>-wal</c> and <c>-shm</c> with the database file's permissions, so they
    /// are 0600 too. An existing file keeps its mode.
    /// </summary>
    public void EnsureFileCreated()
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
