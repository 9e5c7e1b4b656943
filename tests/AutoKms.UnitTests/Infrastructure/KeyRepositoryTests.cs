using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Exceptions;
using AutoKms.Domain.Keys;
using AutoKms.Infrastructure.Persistence;
using AutoKms.Infrastructure.Persistence.Migrations;
using AutoKms.Infrastructure.Persistence.Repositories;
using Microsoft.Extensions.Logging.Abstractions;

namespace AutoKms.UnitTests.Infrastructure;

/// <summary>The repository against a real (in-memory) SQLite database with the real schema.</summary>
public sealed class KeyRepositoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly SqliteDatabase _database = new("Data Source=:memory:");

    [SetUp]
    public async Task MigrateAsync()
    {
        DapperTypeHandlers.Register();
        await new SchemaMigrator(_database, NullLogger<SchemaMigrator>.Instance).MigrateAsync(SqliteMigrations.All, CancellationToken.None);
    }

    [TearDown]
    public void DropDatabase() => _database.Dispose();

    [Test]
    public async Task AddAsync_OfASecondKeyWithTheSameName_ThrowsConflictNamingIt()
    {
        await using var session = NewSession();
        var keys = new KeyRepository(session, new DatabaseActivity(), new ChangeFeed());
        await InTransactionAsync(session, () => keys.AddAsync(NewKey("taken"), CancellationToken.None));

        var error = Assert.ThrowsAsync<ConflictException>(() => InTransactionAsync(session, () => keys.AddAsync(NewKey("taken"), CancellationToken.None)));

        Assert.That(error!.Message, Is.EqualTo("A key named 'taken' already exists"));
    }

    [Test]
    public async Task SaveAsync_OfARenameToATakenName_ThrowsConflictNamingIt()
    {
        await using var session = NewSession();
        var keys = new KeyRepository(session, new DatabaseActivity(), new ChangeFeed());
        await InTransactionAsync(session, () => keys.AddAsync(NewKey("first"), CancellationToken.None));
        var second = NewKey("second");
        await InTransactionAsync(session, () => keys.AddAsync(second, CancellationToken.None));
        second.Rename("first", Now);

        var error = Assert.ThrowsAsync<ConflictException>(() => InTransactionAsync(session, () => keys.SaveAsync(second, CancellationToken.None)));

        Assert.That(error!.Message, Is.EqualTo("A key named 'first' already exists"));
    }

    [Test]
    public async Task SaveAsync_OfAVersionNumberAnotherSaveStoredFirst_ThrowsConflict_AndStoresNothingOfIt()
    {
        var id = await AddKeyAsync("rotated");
        await using var firstSession = NewSession();
        await using var secondSession = NewSession();
        var first = (await new KeyRepository(firstSession, new DatabaseActivity(), new ChangeFeed()).GetAsync(id, CancellationToken.None))!;
        var second = (await new KeyRepository(secondSession, new DatabaseActivity(), new ChangeFeed()).GetAsync(id, CancellationToken.None))!;
        first.Rotate(Guid.NewGuid(), [1], Now);
        second.Rotate(Guid.NewGuid(), [2], Now);
        await InTransactionAsync(firstSession, () => new KeyRepository(firstSession, new DatabaseActivity(), new ChangeFeed()).SaveAsync(first, CancellationToken.None));

        var error = Assert.ThrowsAsync<ConflictException>(() => InTransactionAsync(secondSession, () => new KeyRepository(secondSession, new DatabaseActivity(), new ChangeFeed()).SaveAsync(second, CancellationToken.None)));

        Assert.That(error!.Message, Does.Contain("rotated concurrently"));
        await using var check = NewSession();
        var stored = (await new KeyRepository(check, new DatabaseActivity(), new ChangeFeed()).GetAsync(id, CancellationToken.None))!;
        Assert.That(stored.Versions.Select(v => v.Id), Is.EqualTo(first.Versions.Select(v => v.Id)), "the losing save is rolled back whole");
    }

    [Test]
    public async Task GetWithVersionsAsync_loads_the_primary_version_and_those_asked_for_and_no_other()
    {
        var id = await AddKeyAsync("many-versions");
        await using (var session = NewSession())
        {
            var whole = (await new KeyRepository(session, new DatabaseActivity(), new ChangeFeed()).GetAsync(id, CancellationToken.None))!;
            for (var v = 2; v <= 6; v++)
            {
                whole.Rotate(Guid.NewGuid(), [(byte)v], Now);
            }

            await InTransactionAsync(session, () => new KeyRepository(session, new DatabaseActivity(), new ChangeFeed()).SaveAsync(whole, CancellationToken.None));
        }

        await using var reader = NewSession();
        var activity = new DatabaseActivity();
        var keys = new KeyRepository(reader, activity, new ChangeFeed());

        var primaryOnly = (await keys.GetWithVersionsAsync(id, [], CancellationToken.None))!;
        var withTwo = (await keys.GetWithVersionsAsync(id, [2, 99], CancellationToken.None))!;

        Assert.That(primaryOnly.Versions.Select(v => v.Version), Is.EqualTo(new[] { 6 }));
        Assert.That(primaryOnly.HasAllVersions, Is.False);
        Assert.That(withTwo.Versions.Select(v => v.Version), Is.EqualTo(new[] { 2, 6 }), "version 99 does not exist");
        Assert.That(activity.VersionRowsLoaded, Is.EqualTo(3));
        Assert.Throws<InvalidOperationException>(() => primaryOnly.Rotate(Guid.NewGuid(), [7], Now));
        Assert.ThrowsAsync<InvalidOperationException>(() => keys.SaveAsync(primaryOnly, CancellationToken.None));
    }

    private DbSession NewSession() => new(_database, new DatabaseActivity(), NullLogger<DbSession>.Instance);

    private async Task<Guid> AddKeyAsync(string name)
    {
        await using var session = NewSession();
        var key = NewKey(name);
        await InTransactionAsync(session, () => new KeyRepository(session, new DatabaseActivity(), new ChangeFeed()).AddAsync(key, CancellationToken.None));
        return key.Id;
    }

    private static Task<bool> InTransactionAsync(DbSession session, Func<Task> work) =>
        session.InTransactionAsync(
            async () =>
            {
                await work();
                return true;
            },
            CancellationToken.None);

    private static Key NewKey(string name) =>
        Key.Create(Guid.NewGuid(), name, KeyAlgorithm.Aes256Gcm, KeyUsage.EncryptDecrypt, Guid.NewGuid(), [9, 9, 9], Now.AddDays(-1));
}
