using AutoKms.Application.Common.Exceptions;
using AutoKms.Domain.Keys;
using AutoKms.Infrastructure.Persistence;
using AutoKms.IntegrationTests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace AutoKms.IntegrationTests.Storage;

/// <summary>Key creation with group commit: many requests' keys in one commit, each request all or nothing.</summary>
[TestFixture(TestDatabase.Sqlite)]
[TestFixture(TestDatabase.Postgres)]
public sealed class GroupCommittedKeyStoreContractTests(string provider) : StorageContractTest(provider)
{
    [Test]
    public async Task Requests_queued_together_share_one_commit_and_a_taken_name_fails_only_its_request()
    {
        var activity = new DatabaseActivity();
        var store = new GroupCommittedKeyStore(Database, activity, Changes, NullLoggerFactory.Instance);
        var taken = UniqueName("taken");
        await InTransactionAsync(session => Keys(session).AddAsync(NewKey(taken), CancellationToken.None));
        var singles = Enumerable.Range(0, 8).Select(_ => NewKey(UniqueName())).ToList();
        var pair = new[] { NewKey(UniqueName("pair")), NewKey(taken) };

        // Queued before the writer starts, so they are one group.
        var stored = singles.Select(key => store.AddAsync([key], CancellationToken.None)).ToList();
        var refused = store.AddAsync(pair, CancellationToken.None);
        await store.StartAsync(CancellationToken.None);

        await Task.WhenAll(stored);
        var conflict = Assert.ThrowsAsync<ConflictException>(() => refused);
        await store.StopAsync(CancellationToken.None);

        Assert.That(conflict!.Message, Does.Contain(taken));
        Assert.That(activity.KeyCreationCommits, Is.EqualTo(1), "nine requests, one commit");
        await using var reader = NewSession();
        foreach (var key in singles)
        {
            Assert.That(await Keys(reader).GetAsync(key.Id, CancellationToken.None), Is.Not.Null, key.Name);
        }

        Assert.That(await Keys(reader).GetAsync(pair[0].Id, CancellationToken.None), Is.Null, "the refused request's other key was undone with it");
    }

    [Test]
    public async Task Keys_are_answered_only_once_committed()
    {
        var store = new GroupCommittedKeyStore(Database, new DatabaseActivity(), Changes, NullLoggerFactory.Instance);
        var key = NewKey(UniqueName());

        var pending = store.AddAsync([key], CancellationToken.None);
        await Task.Delay(50);
        Assert.That(pending.IsCompleted, Is.False, "nothing answers before the writer has committed");

        await store.StartAsync(CancellationToken.None);
        await pending;
        await store.StopAsync(CancellationToken.None);

        await using var reader = NewSession();
        Assert.That(await Keys(reader).GetAsync(key.Id, CancellationToken.None), Is.Not.Null);
    }

    private static Key NewKey(string name) =>
        Key.Create(Guid.NewGuid(), name, KeyAlgorithm.Aes256Gcm, KeyUsage.EncryptDecrypt, Guid.NewGuid(), [9, 9, 9], Now);
}
