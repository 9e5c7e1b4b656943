using AutoKms.Infrastructure.Persistence;
using AutoKms.Infrastructure.Persistence.Migrations;
using AutoKms.IntegrationTests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace AutoKms.IntegrationTests.Storage;

/// <summary>Migrations on every provider: the same steps, applied once, even by two instances starting together.</summary>
[TestFixture(TestDatabase.Sqlite)]
[TestFixture(TestDatabase.Postgres)]
public sealed class SchemaMigrationContractTests(string provider)
{
    [Test]
    public void Every_provider_has_the_same_migration_steps()
    {
        Assert.That(PostgresMigrations.All.Select(m => (m.Version, m.Description)), Is.EqualTo(SqliteMigrations.All.Select(m => (m.Version, m.Description))));
    }

    [Test]
    public async Task Two_instances_migrating_a_new_database_at_once_both_succeed_and_apply_each_step_once()
    {
        DapperTypeHandlers.Register();
        using var store = TestDatabase.Create(provider);
        using var first = store.Open();
        using var second = store.Open();
        first.EnsureCreated();

        await Task.WhenAll(
            Task.Run(() => new SchemaMigrator(first, NullLogger<SchemaMigrator>.Instance).MigrateAsync(first.Migrations, CancellationToken.None)),
            Task.Run(() => new SchemaMigrator(second, NullLogger<SchemaMigrator>.Instance).MigrateAsync(second.Migrations, CancellationToken.None)));

        await using var session = new DbSession(first, new DatabaseActivity(), NullLogger<DbSession>.Instance);
        var applied = await session.QueryAsync<long>("SELECT version FROM schema_migrations ORDER BY version", null, CancellationToken.None);
        Assert.That(applied, Is.EqualTo(first.Migrations.Select(m => (long)m.Version)));
    }

    [Test]
    public async Task Migrating_again_changes_nothing()
    {
        DapperTypeHandlers.Register();
        using var store = TestDatabase.Create(provider);
        using var database = store.Open();
        database.EnsureCreated();
        var migrator = new SchemaMigrator(database, NullLogger<SchemaMigrator>.Instance);

        await migrator.MigrateAsync(database.Migrations, CancellationToken.None);
        await migrator.MigrateAsync(database.Migrations, CancellationToken.None);

        await using var session = new DbSession(database, new DatabaseActivity(), NullLogger<DbSession>.Instance);
        Assert.That(await session.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations", null, CancellationToken.None), Is.EqualTo(database.Migrations.Count));
    }
}
