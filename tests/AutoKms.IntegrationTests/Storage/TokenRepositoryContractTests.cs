using AutoKms.Domain.Tokens;
using AutoKms.Infrastructure.Persistence.Repositories;
using AutoKms.IntegrationTests.Support;

namespace AutoKms.IntegrationTests.Storage;

/// <summary>Bearer tokens' storage, the same on every provider.</summary>
[TestFixture(TestDatabase.Sqlite)]
[TestFixture(TestDatabase.Postgres)]
public sealed class TokenRepositoryContractTests(string provider) : StorageContractTest(provider)
{
    [Test]
    public async Task A_token_added_is_found_by_id_and_by_secret_hash_field_for_field()
    {
        var token = NewToken(UniqueName("token"), Now.AddDays(30));
        await InTransactionAsync(session => Tokens(session).AddAsync(token, CancellationToken.None));

        await using var reader = NewSession();
        var tokens = Tokens(reader);
        var byId = await tokens.GetAsync(token.Id, CancellationToken.None);
        var byHash = await tokens.FindBySecretHashAsync(token.SecretHash, CancellationToken.None);

        Assert.That(byHash?.Id, Is.EqualTo(token.Id));
        Assert.That(byId, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(byId!.Name, Is.EqualTo(token.Name));
            Assert.That(byId.Scopes, Is.EqualTo(token.Scopes));
            Assert.That(byId.KeyGlobs, Is.EqualTo(token.KeyGlobs));
            Assert.That(byId.SecretHash, Is.EqualTo(token.SecretHash));
            Assert.That(byId.CreatedAt, Is.EqualTo(token.CreatedAt));
            Assert.That(byId.ExpiresAt, Is.EqualTo(token.ExpiresAt));
            Assert.That(byId.RevokedAt, Is.Null);
        });
    }

    [Test]
    public async Task Unknown_ids_and_hashes_find_nothing()
    {
        await using var reader = NewSession();
        var tokens = Tokens(reader);

        Assert.That(await tokens.GetAsync(Guid.NewGuid(), CancellationToken.None), Is.Null);
        Assert.That(await tokens.FindBySecretHashAsync(Guid.NewGuid().ToByteArray(), CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task A_revoked_token_loads_revoked()
    {
        var token = NewToken(UniqueName("revoked"), null);
        await InTransactionAsync(session => Tokens(session).AddAsync(token, CancellationToken.None));
        token.Revoke(Now.AddHours(1));
        await InTransactionAsync(session => Tokens(session).SaveAsync(token, CancellationToken.None));

        await using var reader = NewSession();
        var loaded = await Tokens(reader).GetAsync(token.Id, CancellationToken.None);

        Assert.That(loaded!.RevokedAt, Is.EqualTo(Now.AddHours(1)));
        Assert.That(loaded.ExpiresAt, Is.Null);
    }

    [Test]
    public async Task Names_are_known_and_the_list_pages_in_creation_order()
    {
        var names = Enumerable.Range(0, 3).Select(i => UniqueName($"page{i}")).ToList();
        var tokens = names.Select((name, i) => AccessToken.Issue(Guid.NewGuid(), name, ["kms.keys.read"], [], Guid.NewGuid().ToByteArray(), Now.AddYears(1).AddMinutes(i), null)).ToList();
        await InTransactionAsync(async session =>
        {
            foreach (var token in tokens)
            {
                await Tokens(session).AddAsync(token, CancellationToken.None);
            }
        });

        await using var reader = NewSession();
        var repository = Tokens(reader);
        var all = await repository.ListAsync(1000, 0, CancellationToken.None);
        var ours = all.Where(t => names.Contains(t.Name)).Select(t => t.Name).ToList();
        var count = all.Count;
        var lastTwo = await repository.ListAsync(2, count - 2, CancellationToken.None);

        Assert.That(await repository.NameExistsAsync(names[0], CancellationToken.None), Is.True);
        Assert.That(await repository.NameExistsAsync(UniqueName("free"), CancellationToken.None), Is.False);
        Assert.That(ours, Is.EqualTo(names), "oldest first");
        Assert.That(lastTwo.Select(t => t.Name), Is.EqualTo(names.Skip(1)));
    }

    private static AccessToken NewToken(string name, DateTimeOffset? expiresAt) =>
        AccessToken.Issue(Guid.NewGuid(), name, ["kms.encrypt", "kms.decrypt"], ["billing-*", "hr-?"], Guid.NewGuid().ToByteArray(), Now, expiresAt);
}
