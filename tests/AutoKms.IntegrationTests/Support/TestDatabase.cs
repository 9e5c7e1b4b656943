using AutoKms.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AutoKms.IntegrationTests.Support;

/// <summary>
/// A database of its own for one fixture: a SQLite file in a fresh temporary folder, or a fresh
/// PostgreSQL database (UTF-8) created on the server that <c>AUTOKMS_POSTGRES</c> names and dropped
/// again afterwards. Without that variable a PostgreSQL fixture is reported Ignored, never passed.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public const string Sqlite = "sqlite";

    public const string Postgres = "postgres";

    /// <summary>A connection string to a throwaway PostgreSQL server the tests may create databases on (scripts/postgres-start.sh prints one).</summary>
    public const string PostgresVariable = "AUTOKMS_POSTGRES";

    private readonly string? _postgresName;

    private TestDatabase(string provider, string connectionString, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _postgresName = postgresName;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The settings that point the service at this database.</summary>
    public IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Kms:Database:Provider"] = Provider,
        ["ConnectionStrings:Kms"] = ConnectionString,
    };

    /// <summary>Ignores the running fixture or test unless <paramref name="provider"/> can be tested here.</summary>
    public static void IgnoreUnlessAvailable(string provider)
    {
        if (provider == Postgres && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable)))
        {
            Assert.Ignore($"{PostgresVariable} is not set, so the PostgreSQL tests did not run: set it to a connection string of a throwaway server (scripts/postgres-start.sh DIR starts one and prints it).");
        }
    }

    /// <summary>
    /// A new, empty database. <paramref name="quickLocks"/>: lock waits end at once (SQLite: an
    /// in-memory shared-cache database answering a held lock with SQLITE_LOCKED, one-second command
    /// timeout) or after half a second (PostgreSQL lock_timeout), for tests of the busy answer.
    /// </summary>
    public static TestDatabase Create(string provider, bool quickLocks = false)
    {
        IgnoreUnlessAvailable(provider);
        if (provider == Sqlite)
        {
            return new TestDatabase(Sqlite, quickLocks ? "Data Source=:memory:;Default Timeout=1" : $"Data Source={Path.Combine(TempDirectory.Create(), "kms.db")}", null);
        }

        if (provider != Postgres)
        {
            throw new ArgumentOutOfRangeException(nameof(provider), provider, "sqlite or postgres");
        }

        var server = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(PostgresVariable));
        var name = $"autokms_test_{Guid.NewGuid():N}";
        using (var admin = new NpgsqlConnection(server.ConnectionString))
        {
            admin.Open();
            using var create = admin.CreateCommand();
            create.CommandText = $"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0";
            create.ExecuteNonQuery();
        }

        var own = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name };
        if (quickLocks)
        {
            own.Options = "-c lock_timeout=500";
        }

        return new TestDatabase(Postgres, own.ConnectionString, name);
    }

    /// <summary>The provider over this database, as the service builds it.</summary>
    public KmsDatabase Open() => Provider == Sqlite ? new SqliteDatabase(ConnectionString) : new PostgresDatabase(ConnectionString);

    public void Dispose()
    {
        if (_postgresName is null)
        {
            SqliteConnection.ClearAllPools();
            return;
        }

        NpgsqlConnection.ClearAllPools();
        using var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresVariable));
        admin.Open();
        using var drop = admin.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)";
        drop.ExecuteNonQuery();
    }
}
