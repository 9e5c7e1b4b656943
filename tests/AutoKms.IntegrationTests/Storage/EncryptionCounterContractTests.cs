using AutoKms.Domain.Keys;
using AutoKms.Infrastructure.Persistence;
using AutoKms.Infrastructure.Persistence.Repositories;
using AutoKms.IntegrationTests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace AutoKms.IntegrationTests.Storage;

/// <summary>The batched encryption counter's flush, the same on every provider.</summary>
[TestFixture(TestDatabase.Sqlite)]
[TestFixture(TestDatabase.Postgres)]
public sealed class EncryptionCounterContractTests(string provider) : StorageContractTest(provider)
{
    [Test]
    public async Task A_flush_adds_the_pending_counts_to_the_stored_ones_and_leaves_none_pending()
    {
        var first = NewKey();
        var second = NewKey();
        await InTransactionAsync(async session =>
        {
            await Keys(session).AddAsync(first, CancellationToken.None);
            await Keys(session).AddAsync(second, CancellationToken.None);
        });
        var counter = new BatchedEncryptionCounter(Database, NullLogger<BatchedEncryptionCounter>.Instance);
        var firstVersion = first.Versions[0].Id;
        var secondVersion = second.Versions[0].Id;

        counter.Record(firstVersion, 5);
        counter.Record(secondVersion, 2);
        counter.Record(firstVersion, 1);
        await counter.FlushAsync(CancellationToken.None);
        counter.Record(firstVersion, 4);
        await counter.FlushAsync(CancellationToken.None);
        await counter.FlushAsync(CancellationToken.None);

        await using var reader = NewSession();
        var keys = Keys(reader);
        Assert.That((await keys.GetAsync(first.Id, CancellationToken.None))!.Versions[0].Encryptions, Is.EqualTo(10));
        Assert.That((await keys.GetAsync(second.Id, CancellationToken.None))!.Versions[0].Encryptions, Is.EqualTo(2));
        Assert.That(counter.Unpersisted(firstVersion), Is.Zero);
    }

    [Test]
    public async Task Saving_a_key_never_writes_its_counters()
    {
        var key = NewKey();
        await InTransactionAsync(session => Keys(session).AddAsync(key, CancellationToken.None));
        var counter = new BatchedEncryptionCounter(Database, NullLogger<BatchedEncryptionCounter>.Instance);
        counter.Record(key.Versions[0].Id, 3);
        await counter.FlushAsync(CancellationToken.None);

        // A copy loaded before the flush, saved after it, must not put the old count back.
        await InTransactionAsync(async session =>
        {
            var stale = Key.Rehydrate(key.Id, key.Name, key.Algorithm, key.Usage, key.Status, key.PrimaryVersion, key.CreatedAt, key.UpdatedAt, null, 1, null, null, key.Versions);
            stale.Rename(key.Name + "-renamed", Now);
            await Keys(session).SaveAsync(stale, CancellationToken.None);
        });

        await using var reader = NewSession();
        Assert.That((await Keys(reader).GetAsync(key.Id, CancellationToken.None))!.Versions[0].Encryptions, Is.EqualTo(3));
    }

    private static Key NewKey() =>
        Key.Create(Guid.NewGuid(), UniqueName("counted"), KeyAlgorithm.Aes256Gcm, KeyUsage.EncryptDecrypt, Guid.NewGuid(), [1], Now);
}
