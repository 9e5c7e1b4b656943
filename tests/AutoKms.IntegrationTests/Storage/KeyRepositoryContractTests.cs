using AutoKms.Application.Common.Exceptions;
using AutoKms.Domain.Keys;
using AutoKms.Infrastructure.Persistence;
using AutoKms.Infrastructure.Persistence.Repositories;
using AutoKms.IntegrationTests.Support;

namespace AutoKms.IntegrationTests.Storage;

/// <summary>The key aggregate's storage, the same on every provider.</summary>
[TestFixture(TestDatabase.Sqlite)]
[TestFixture(TestDatabase.Postgres)]
public sealed class KeyRepositoryContractTests(string provider) : StorageContractTest(provider)
{
    [Test]
    public async Task A_key_added_loads_back_field_for_field()
    {
        var key = NewKey(UniqueName());
        key.ChangeRotationPeriod(30, Now);
        await InTransactionAsync(session => Keys(session).AddAsync(key, CancellationToken.None));

        await using var reader = NewSession();
        var loaded = await Keys(reader).GetAsync(key.Id, CancellationToken.None);

        Assert.That(loaded, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(loaded!.Name, Is.EqualTo(key.Name));
            Assert.That(loaded.Algorithm, Is.EqualTo(key.Algorithm));
            Assert.That(loaded.Usage, Is.EqualTo(key.Usage));
            Assert.That(loaded.Status, Is.EqualTo(key.Status));
            Assert.That(loaded.PrimaryVersion, Is.EqualTo(1));
            Assert.That(loaded.CreatedAt, Is.EqualTo(key.CreatedAt));
            Assert.That(loaded.UpdatedAt, Is.EqualTo(key.UpdatedAt));
            Assert.That(loaded.DeletedAt, Is.Null);
            Assert.That(loaded.RotationPeriodDays, Is.EqualTo(30));
            Assert.That(loaded.NextRotationAt, Is.EqualTo(key.NextRotationAt));
            Assert.That(loaded.Versions, Has.Count.EqualTo(1));
            Assert.That(loaded.Versions[0].Id, Is.EqualTo(key.Versions[0].Id));
            Assert.That(loaded.Versions[0].SealedMaterial.ToArray(), Is.EqualTo(new byte[] { 9, 9, 9 }));
            Assert.That(loaded.Versions[0].CreatedAt, Is.EqualTo(key.Versions[0].CreatedAt));
        });
    }

    [Test]
    public async Task Times_keep_whole_microseconds_on_every_provider()
    {
        var created = Now.AddTicks(1_234_560);
        var key = Key.Create(Guid.NewGuid(), UniqueName(), KeyAlgorithm.Aes256Gcm, KeyUsage.EncryptDecrypt, Guid.NewGuid(), [1], created);
        await InTransactionAsync(session => Keys(session).AddAsync(key, CancellationToken.None));

        await using var reader = NewSession();
        var loaded = (await Keys(reader).GetAsync(key.Id, CancellationToken.None))!;

        Assert.That(loaded.CreatedAt, Is.EqualTo(created));
        Assert.That(loaded.CreatedAt.Offset, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public async Task Adding_a_second_key_with_a_taken_name_is_a_conflict_naming_it()
    {
        var name = UniqueName("taken");
        await InTransactionAsync(session => Keys(session).AddAsync(NewKey(name), CancellationToken.None));

        await using var session = NewSession();
        await session.BeginAsync(CancellationToken.None);
        var error = Assert.ThrowsAsync<ConflictException>(() => Keys(session).AddAsync(NewKey(name), CancellationToken.None));
        await session.RollbackAsync(CancellationToken.None);

        Assert.That(error!.Message, Is.EqualTo($"A key named '{name}' already exists"));
    }

    [Test]
    public async Task Renaming_a_key_to_a_taken_name_is_a_conflict_naming_it()
    {
        var first = NewKey(UniqueName("first"));
        var second = NewKey(UniqueName("second"));
        await InTransactionAsync(async session =>
        {
            await Keys(session).AddAsync(first, CancellationToken.None);
            await Keys(session).AddAsync(second, CancellationToken.None);
        });

        await using var session = NewSession();
        await session.BeginAsync(CancellationToken.None);
        var loaded = (await Keys(session).GetAsync(second.Id, CancellationToken.None))!;
        loaded.Rename(first.Name, Now);
        var error = Assert.ThrowsAsync<ConflictException>(() => Keys(session).SaveAsync(loaded, CancellationToken.None));
        await session.RollbackAsync(CancellationToken.None);

        Assert.That(error!.Message, Is.EqualTo($"A key named '{first.Name}' already exists"));
    }

    [Test]
    public async Task Saved_versions_are_stored_and_a_destroyed_version_loses_its_material()
    {
        var key = NewKey(UniqueName());
        await InTransactionAsync(session => Keys(session).AddAsync(key, CancellationToken.None));

        await InTransactionAsync(async session =>
        {
            var keys = Keys(session);
            var loaded = (await keys.GetAsync(key.Id, CancellationToken.None))!;
            loaded.Rotate(Guid.NewGuid(), [7, 7], Now.AddHours(1));
            await keys.SaveAsync(loaded, CancellationToken.None);
        });
        await InTransactionAsync(async session =>
        {
            var keys = Keys(session);
            var loaded = (await keys.GetAsync(key.Id, CancellationToken.None))!;
            loaded.DisableVersion(1, Now.AddHours(2));
            loaded.DestroyVersion(1, Now.AddHours(2));
            await keys.SaveAsync(loaded, CancellationToken.None);
        });

        await using var reader = NewSession();
        var stored = (await Keys(reader).GetAsync(key.Id, CancellationToken.None))!;
        Assert.Multiple(() =>
        {
            Assert.That(stored.PrimaryVersion, Is.EqualTo(2));
            Assert.That(stored.Versions.Select(v => v.Version), Is.EqualTo(new[] { 1, 2 }));
            Assert.That(stored.Versions[0].Status, Is.EqualTo(KeyVersionStatus.Destroyed));
            Assert.That(stored.Versions[0].HasMaterial, Is.False);
            Assert.That(stored.Versions[1].SealedMaterial.ToArray(), Is.EqualTo(new byte[] { 7, 7 }));
        });
    }

    [Test]
    public async Task A_version_number_another_save_stored_first_is_a_conflict_and_stores_nothing_of_it()
    {
        var key = NewKey(UniqueName("rotated"));
        await InTransactionAsync(session => Keys(session).AddAsync(key, CancellationToken.None));

        // Both loaded before either saved, outside a transaction: nothing kept them in turn.
        await using var firstSession = NewSession();
        await using var secondSession = NewSession();
        var first = (await Keys(firstSession).GetAsync(key.Id, CancellationToken.None))!;
        var second = (await Keys(secondSession).GetAsync(key.Id, CancellationToken.None))!;
        first.Rotate(Guid.NewGuid(), [1], Now);
        second.Rotate(Guid.NewGuid(), [2], Now);
        await firstSession.BeginAsync(CancellationToken.None);
        await Keys(firstSession).SaveAsync(first, CancellationToken.None);
        await firstSession.CommitAsync(CancellationToken.None);

        await secondSession.BeginAsync(CancellationToken.None);
        var error = Assert.ThrowsAsync<ConflictException>(() => Keys(secondSession).SaveAsync(second, CancellationToken.None));
        await secondSession.RollbackAsync(CancellationToken.None);

        Assert.That(error!.Message, Does.Contain("rotated concurrently"));
        await using var check = NewSession();
        var stored = (await Keys(check).GetAsync(key.Id, CancellationToken.None))!;
        Assert.That(stored.Versions.Select(v => v.Id), Is.EqualTo(first.Versions.Select(v => v.Id)), "the losing save is rolled back whole");
    }

    [Test]
    public async Task A_transaction_changing_a_key_waits_for_another_changing_it_and_sees_its_change()
    {
        var key = NewKey(UniqueName("turns"));
        await InTransactionAsync(session => Keys(session).AddAsync(key, CancellationToken.None));

        await using var first = NewSession();
        await first.BeginAsync(CancellationToken.None);
        var firstCopy = (await Keys(first).GetAsync(key.Id, CancellationToken.None))!;

        var second = Task.Run(async () =>
        {
            await using var session = NewSession();
            await session.BeginAsync(CancellationToken.None);
            var keys = Keys(session);
            var copy = (await keys.GetAsync(key.Id, CancellationToken.None))!;
            var rotated = copy.Rotate(Guid.NewGuid(), [2], Now.AddMinutes(2));
            await keys.SaveAsync(copy, CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
            return rotated.Version;
        });

        // Give the second transaction time to reach the key (and wait there).
        await Task.Delay(300);
        Assert.That(second.IsCompleted, Is.False, "the second transaction waits for the first");
        firstCopy.Rotate(Guid.NewGuid(), [1], Now.AddMinutes(1));
        await Keys(first).SaveAsync(firstCopy, CancellationToken.None);
        await first.CommitAsync(CancellationToken.None);

        Assert.That(await second, Is.EqualTo(3), "the second transaction loaded the key after the first committed");
        await using var reader = NewSession();
        var stored = (await Keys(reader).GetAsync(key.Id, CancellationToken.None))!;
        Assert.That(stored.Versions.Select(v => v.Version), Is.EqualTo(new[] { 1, 2, 3 }));
    }

    [Test]
    public async Task Lookups_by_version_id_name_and_count_answer_from_storage()
    {
        var key = NewKey(UniqueName("lookup"));
        await InTransactionAsync(session => Keys(session).AddAsync(key, CancellationToken.None));

        await using var session = NewSession();
        var keys = Keys(session);
        Assert.Multiple(async () =>
        {
            Assert.That((await keys.GetByVersionIdAsync(key.Versions[0].Id, CancellationToken.None))?.Id, Is.EqualTo(key.Id));
            Assert.That(await keys.GetByVersionIdAsync(Guid.NewGuid(), CancellationToken.None), Is.Null);
            Assert.That(await keys.GetAsync(Guid.NewGuid(), CancellationToken.None), Is.Null);
            Assert.That(await keys.NameExistsAsync(key.Name, null, CancellationToken.None), Is.True);
            Assert.That(await keys.NameExistsAsync(key.Name, key.Id, CancellationToken.None), Is.False);
            Assert.That(await keys.NameExistsAsync(UniqueName("free"), null, CancellationToken.None), Is.False);
            Assert.That(await keys.CountAsync(CancellationToken.None), Is.GreaterThanOrEqualTo(1));
        });
    }

    [Test]
    public async Task A_deleted_key_loads_only_as_deleted_and_is_purged_once_past_the_cutoff()
    {
        var key = NewKey(UniqueName("deleted"));
        await InTransactionAsync(session => Keys(session).AddAsync(key, CancellationToken.None));
        var deletedAt = Now.AddDays(-10);
        await InTransactionAsync(async session =>
        {
            var keys = Keys(session);
            var loaded = (await keys.GetAsync(key.Id, CancellationToken.None))!;
            loaded.Delete(deletedAt);
            await keys.SaveAsync(loaded, CancellationToken.None);
        });

        await using (var session = NewSession())
        {
            var keys = Keys(session);
            Assert.That(await keys.GetAsync(key.Id, CancellationToken.None), Is.Null);
            Assert.That((await keys.GetDeletedAsync(key.Id, CancellationToken.None))?.DeletedAt, Is.EqualTo(deletedAt));
            Assert.That(await keys.FindDeletedBeforeAsync(deletedAt.AddTicks(10), 1000, CancellationToken.None), Does.Contain(key.Id));
            Assert.That(await keys.FindDeletedBeforeAsync(deletedAt.AddSeconds(-1), 1000, CancellationToken.None), Does.Not.Contain(key.Id));
        }

        var tooEarly = false;
        var purged = false;
        await InTransactionAsync(async session => tooEarly = await Keys(session).PurgeAsync(key.Id, deletedAt.AddSeconds(-1), CancellationToken.None));
        await InTransactionAsync(async session => purged = await Keys(session).PurgeAsync(key.Id, deletedAt, CancellationToken.None));

        Assert.That(tooEarly, Is.False);
        Assert.That(purged, Is.True);
        await using var check = NewSession();
        Assert.That(await Keys(check).GetDeletedAsync(key.Id, CancellationToken.None), Is.Null);
        Assert.That(await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM key_versions WHERE key_id = @Id", new { key.Id }, CancellationToken.None), Is.Zero, "the versions go with the key");
    }

    [Test]
    public async Task A_live_key_is_never_purged()
    {
        var key = NewKey(UniqueName("live"));
        await InTransactionAsync(session => Keys(session).AddAsync(key, CancellationToken.None));

        var purged = true;
        await InTransactionAsync(async session => purged = await Keys(session).PurgeAsync(key.Id, Now.AddYears(10), CancellationToken.None));

        Assert.That(purged, Is.False);
    }

    [Test]
    public async Task Keys_due_for_rotation_come_oldest_due_first_up_to_the_limit_and_never_deleted()
    {
        var late = NewKey(UniqueName("late"), Now.AddYears(-3));
        var later = NewKey(UniqueName("later"), Now.AddYears(-3));
        var notYet = NewKey(UniqueName("not-yet"), Now.AddYears(-3));
        var deleted = NewKey(UniqueName("gone"), Now.AddYears(-3));
        late.ChangeRotationPeriod(1, Now.AddYears(-3));
        later.ChangeRotationPeriod(2, Now.AddYears(-3));
        notYet.ChangeRotationPeriod(3650, Now.AddYears(-3));
        deleted.ChangeRotationPeriod(1, Now.AddYears(-3));
        deleted.Delete(Now.AddYears(-3));
        await InTransactionAsync(async session =>
        {
            foreach (var key in new[] { later, notYet, late, deleted })
            {
                await Keys(session).AddAsync(key, CancellationToken.None);
            }
        });

        await using var reader = NewSession();
        var due = await Keys(reader).FindDueForRotationAsync(Now.AddYears(-2), 1000, CancellationToken.None);
        var first = await Keys(reader).FindDueForRotationAsync(Now.AddYears(-2), 1, CancellationToken.None);

        Assert.That(due, Is.EqualTo(new[] { late.Id, later.Id }));
        Assert.That(first, Is.EqualTo(new[] { late.Id }));
    }

    private static Key NewKey(string name, DateTimeOffset? created = null) =>
        Key.Create(Guid.NewGuid(), name, KeyAlgorithm.Aes256Gcm, KeyUsage.EncryptDecrypt, Guid.NewGuid(), [9, 9, 9], created ?? Now.AddDays(-1));
}
