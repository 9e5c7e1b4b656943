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
        var keys = new KeyRepository(session);
        await keys.AddAsync(NewKey("taken"), CancellationToken.None);

        var error = Assert.ThrowsAsync<ConflictException>(() => keys.AddAsync(NewKey("taken"), CancellationToken.None));

        Assert.That(error!.Message, Is.EqualTo("A key named 'taken' already exists"));
    }

    [Test]
    public async Task SaveAsync_OfARenameToATakenName_ThrowsConflictNamingIt()
    {
        await using var session = NewSession();
        var keys = new KeyRepository(session);
        await keys.AddAsync(NewKey("first"), CancellationToken.None);
        var second = NewKey("second");
        await keys.AddAsync(second, CancellationToken.None);
        second.Rename("first", Now);

        var error = Assert.ThrowsAsync<ConflictException>(() => keys.SaveAsync(second, CancellationToken.None));

        Assert.That(error!.Message, Is.EqualTo("A key named 'first' already exists"));
    }

    [Test]
    public async Task SaveAsync_OfAVersionNumberAnotherSaveStoredFirst_ThrowsConflict_AndStoresNothingOfIt()
    {
        var id = await AddKeyAsync("rotated");
        await using var firstSession = NewSession();
        await using var secondSession = NewSession();
        var first = (await new KeyRepository(firstSession).GetAsync(id, CancellationToken.None))!;
        var second = (await new KeyRepository(secondSession).GetAsync(id, CancellationToken.None))!;
        first.Rotate(Guid.NewGuid(), [1], Now);
        second.Rotate(Guid.NewGuid(), [2], Now);
        await new KeyRepository(firstSession).SaveAsync(first, CancellationToken.None);

        var error = Assert.ThrowsAsync<ConflictException>(() => new KeyRepository(secondSession).SaveAsync(second, CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("rotated concurrently"));
        await using var check = NewSession();
        var stored = (await new KeyRepository(check).GetAsync(id, CancellationToken.None))!;
        Assert.That(stored.Versions.Select(v => v.Id), Is.EqualTo(first.Versions.Select(v => v.Id)), "the losing save is rolled back whole");
    }

    private DbSession NewSession() => new(_database, NullLogger<DbSession>.Instance);

    private async Task<Guid> AddKeyAsync(string name)
    {
        await using var session = NewSession();
        var key = NewKey(name);
        await new KeyRepository(session).AddAsync(key, CancellationToken.None);
        return key.Id;
    }

    private static Key NewKey(string name) =>
        Key.Create(Guid.NewGuid(), name, KeyAlgorithm.Aes256Gcm, KeyUsage.EncryptDecrypt, Guid.NewGuid(), [9, 9, 9], Now.AddDays(-1));
}
