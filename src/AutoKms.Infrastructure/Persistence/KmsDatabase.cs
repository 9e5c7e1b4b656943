using System.Data.Common;
using AutoKms.Infrastructure.Persistence.Migrations;

namespace AutoKms.Infrastructure.Persistence;

/// <summary>
/// The provider seam: what differs between storage engines, and nothing else. A provider opens
/// connections with the settings every connection needs, begins write transactions its way,
/// supplies its schema migrations and its maintenance hooks. Repositories run their SQL through
/// <see cref="DbSession"/> on <see cref="DbConnection"/>/<see cref="DbTransaction"/>; where a
/// statement's text differs, the repository keeps both texts side by side and picks one with
/// <see cref="Sql"/>. Error codes are classified per provider (<see cref="PersistenceErrors"/>).
/// </summary>
public abstract class KmsDatabase : IDisposable
{
    public abstract DatabaseProvider Provider { get; }

    /// <summary>Where the data is, for messages: never a password.</summary>
    public abstract string Description { get; }

    /// <summary>The full path of the database file, or <c>null</c> when there is none (in memory, or a server).</summary>
    public virtual string? FilePath => null;

    /// <summary>Whether everything stored is lost when the process ends (an in-memory SQLite database).</summary>
    public virtual bool IsEphemeral => false;

    /// <summary>The provider's schema, as ordered steps with the same version numbers for every provider.</summary>
    public abstract IReadOnlyList<Migration> Migrations { get; }

    /// <summary>The statement text for this provider: <paramref name="sqlite"/> or <paramref name="postgres"/>.</summary>
    public T Sql<T>(T sqlite, T postgres) => Provider == DatabaseProvider.Sqlite ? sqlite : postgres;

    /// <summary>Opens a connection ready for use (SQLite: pragmas set).</summary>
    public abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Begins a write transaction the provider's way. SQLite: <c>BEGIN IMMEDIATE</c>, the
    /// database-wide write lock up front. PostgreSQL: READ COMMITTED holding the shared write
    /// barrier (<see cref="AwaitEarlierWritesAsync"/>); rows a transaction reads to change are locked
    /// by the repository (<c>SELECT ... FOR UPDATE</c>).
    /// </summary>
    public abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// Returns once every write transaction begun before this call has ended. Transactions begun
    /// after it see whatever the caller changed before calling (a root-key rotation relies on it).
    /// </summary>
    public abstract Task AwaitEarlierWritesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="migrate"/> with the schema to itself: SQLite sets its journal mode (one
    /// writer at a time anyway); PostgreSQL holds an advisory lock, so two instances starting at
    /// once migrate one after the other.
    /// </summary>
    public abstract Task RunMigrationAsync(DbConnection connection, Func<Task> migrate, CancellationToken cancellationToken);

    /// <summary>
    /// After a commit that erased key material: SQLite truncates its write-ahead log (best effort).
    /// PostgreSQL needs nothing from the service: the old row versions stay in the table's pages as
    /// dead tuples until VACUUM reclaims them (docs/operations.md, "PostgreSQL").
    /// </summary>
    public virtual Task AfterEraseAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Makes the database exist before the first connection, where the provider has to (a SQLite file, 0600).</summary>
    public virtual void EnsureCreated()
    {
    }

    /// <summary>Whether the database already holds the service's data (the root-key check).</summary>
    public abstract bool HasData();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
