using AutoKms.Infrastructure.Persistence;
using AutoKms.Infrastructure.Persistence.Migrations;
using AutoKms.Infrastructure.Persistence.Repositories;
using AutoKms.IntegrationTests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace AutoKms.IntegrationTests.Storage;

/// <summary>
/// The storage contract every provider keeps, run once per provider: derived fixtures carry
/// <c>[TestFixture(TestDatabase.Sqlite)]</c> and <c>[TestFixture(TestDatabase.Postgres)]</c>. Each
/// fixture gets a database of its own, migrated as the service migrates it; tests make their own rows.
/// </summary>
public abstract class StorageContractTest(string provider)
{
    protected static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private TestDatabase? _store;

    protected string Provider => provider;

    protected KmsDatabase Database { get; private set; } = null!;

    /// <summary>Whether lock waits end at once (or after half a second), for tests of the busy answer.</summary>
    protected virtual bool QuickLocks => false;

    [OneTimeSetUp]
    public async Task CreateDatabaseAsync()
    {
        DapperTypeHandlers.Register();
        _store = TestDatabase.Create(provider, QuickLocks);
        Database = _store.Open();
        Database.EnsureCreated();
        await new SchemaMigrator(Database, NullLogger<SchemaMigrator>.Instance).MigrateAsync(Database.Migrations, CancellationToken.None);
    }

    [OneTimeTearDown]
    public void DropDatabase()
    {
        Database?.Dispose();
        _store?.Dispose();
    }

    /// <summary>The change feed this fixture's repositories append to, as one instance of the service.</summary>
    protected ChangeFeed Changes { get; } = new();

    protected DbSession NewSession() => new(Database, new DatabaseActivity(), NullLogger<DbSession>.Instance);

    protected KeyRepository Keys(DbSession session) => new(session, new DatabaseActivity(), Changes);

    protected TokenRepository Tokens(DbSession session) => new(session, Changes);

    /// <summary>Runs <paramref name="work"/> in a request transaction of a session of its own, committed if it returns.</summary>
    protected async Task InTransactionAsync(Func<DbSession, Task> work)
    {
        await using var session = NewSession();
        await session.BeginAsync(CancellationToken.None);
        await work(session);
        await session.CommitAsync(CancellationToken.None);
    }

    protected static string UniqueName(string prefix = "key") => $"{prefix}-{Guid.NewGuid():N}";
}
