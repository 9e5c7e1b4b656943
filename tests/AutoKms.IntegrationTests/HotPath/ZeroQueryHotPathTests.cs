using System.Net;
using System.Text.Json.Nodes;
using AutoKms.Application.Common.Caching;
using AutoKms.Infrastructure.Persistence;
using AutoKms.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AutoKms.IntegrationTests.HotPath;

/// <summary>
/// The hot path's promise, counted rather than timed: once a key is warm, encrypt and decrypt
/// make no database query (the audit trail's group-committed appends aside, which are not queries
/// of key state and do not go through a request's session), and the cost of an operation does not
/// grow with the number of versions a key has.
/// </summary>
[TestFixture(true, TestDatabase.Sqlite)]
[TestFixture(false, TestDatabase.Sqlite)]
[TestFixture(true, TestDatabase.Postgres)]
[TestFixture(false, TestDatabase.Postgres)]
public sealed class ZeroQueryHotPathTests(bool audit, string provider)
{
    private TestDatabase _database = null!;
    private KmsApiFactory _factory = null!;
    private HttpClient _client = null!;

    private DatabaseActivity Activity => _factory.Services.GetRequiredService<DatabaseActivity>();

    [OneTimeSetUp]
    public void StartService()
    {
        _database = TestDatabase.Create(provider);
        _factory = new KmsApiFactory(settings: new Dictionary<string, string?>(_database.Settings) { ["Kms:Audit:Enabled"] = audit ? "true" : "false" });
        _client = _factory.CreateClient();
    }

    [OneTimeTearDown]
    public void StopService()
    {
        _client?.Dispose();
        _factory?.Dispose();
        _database?.Dispose();
    }

    [Test]
    public async Task A_thousand_warm_encrypts_and_decrypts_make_no_database_query()
    {
        var key = await CreateKeyAsync();
        await RoundTripAsync(key, "warm-up");
        var (commands, leases, rows) = (Activity.SessionCommands, Activity.LeaseRequests, Activity.VersionRowsLoaded);

        for (var i = 0; i < 1000; i++)
        {
            await RoundTripAsync(key, $"message {i}");
        }

        Assert.That(Activity.SessionCommands - commands, Is.Zero, "statements run through request sessions");
        Assert.That(Activity.LeaseRequests - leases, Is.Zero, "encryption leases taken from the database");
        Assert.That(Activity.VersionRowsLoaded - rows, Is.Zero, "key version rows loaded");
        if (audit)
        {
            var verified = await _client.GetAsync("/kms/audit/verify").Ensure(HttpStatusCode.OK).ReadNodeAsync();
            Assert.That(verified["ok"]!.GetValue<bool>(), Is.True);
            Assert.That(verified["checked"]!.GetValue<long>(), Is.GreaterThanOrEqualTo(2002), "every encrypt and decrypt was still recorded");
        }
    }

    [Test]
    public async Task Encrypt_under_a_key_of_500_versions_loads_what_a_key_of_one_version_loads()
    {
        var single = await CreateKeyAsync();
        var many = await CreateKeyAsync();
        var first = await EncryptAsync(many, "made by version 1");
        for (var i = 2; i <= 500; i++)
        {
            await _client.PostAsync($"/kms/key/{many}/rotate", null).Ensure(HttpStatusCode.Created);
        }

        var invalidation = _factory.Services.GetRequiredService<CacheInvalidation>();
        invalidation.All();
        var coldSingle = await RowsLoadedByAsync(() => EncryptAsync(single, "cold"));
        var coldMany = await RowsLoadedByAsync(() => EncryptAsync(many, "cold"));
        var oldVersion = await RowsLoadedByAsync(() => DecryptAsync(many, first, "made by version 1"));
        var warmMany = await RowsLoadedByAsync(async () =>
        {
            for (var i = 0; i < 100; i++)
            {
                await EncryptAsync(many, "warm");
            }
        });

        Assert.That(coldSingle, Is.EqualTo(1), "a cold encrypt loads the primary version");
        Assert.That(coldMany, Is.EqualTo(coldSingle), "and only it, however many versions the key has");
        Assert.That(oldVersion, Is.LessThanOrEqualTo(2), "a decrypt loads the version its ciphertext names");
        Assert.That(warmMany, Is.Zero);
        var encrypted = await _client.PostJsonAsync($"/kms/key/{many}/encrypt", new { plaintext_b64 = "AA==" }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        Assert.That(encrypted["version"]!.GetValue<int>(), Is.EqualTo(500));
    }

    [Test]
    public async Task This_instance_sees_its_own_rotate_disable_destroy_and_delete_at_once()
    {
        var key = await CreateKeyAsync();
        var v1 = await EncryptAsync(key, "before");

        await _client.PostAsync($"/kms/key/{key}/rotate", null).Ensure(HttpStatusCode.Created);
        var after = await _client.PostJsonAsync($"/kms/key/{key}/encrypt", new { plaintext_b64 = "AA==" }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        Assert.That(after["version"]!.GetValue<int>(), Is.EqualTo(2), "the next encrypt uses the new version");

        var versions = await _client.GetAsync($"/kms/key_version?key_id={key}").Ensure(HttpStatusCode.OK).ReadNodeAsync();
        var version1 = versions.AsArray().Single(v => v!["version"]!.GetValue<int>() == 1)!;
        await _client.PatchJsonAsync($"/kms/key_version/{version1["id"]}", new { status = "destroyed" }).Ensure(HttpStatusCode.OK);
        await ApiTestBase.AssertProblemAsync(await _client.PostJsonAsync($"/kms/key/{key}/decrypt", new { ciphertext = v1 }), HttpStatusCode.Forbidden, "destroyed");

        await _client.PatchJsonAsync($"/kms/key/{key}", new { status = "disabled" }).Ensure(HttpStatusCode.OK);
        await ApiTestBase.AssertProblemAsync(await _client.PostJsonAsync($"/kms/key/{key}/encrypt", new { plaintext_b64 = "AA==" }), HttpStatusCode.Forbidden);

        await _client.PatchJsonAsync($"/kms/key/{key}", new { status = "enabled" }).Ensure(HttpStatusCode.OK);
        await EncryptAsync(key, "enabled again");
        await _client.DeleteAsync($"/kms/key/{key}").Ensure(HttpStatusCode.OK);
        await ApiTestBase.AssertProblemAsync(await _client.PostJsonAsync($"/kms/key/{key}/encrypt", new { plaintext_b64 = "AA==" }), HttpStatusCode.NotFound);
    }

    private async Task<long> RowsLoadedByAsync(Func<Task> work)
    {
        var before = Activity.VersionRowsLoaded;
        await work();
        return Activity.VersionRowsLoaded - before;
    }

    private async Task<string> CreateKeyAsync()
    {
        var created = await _client.PostJsonAsync("/kms/key", new { name = $"hot-{Guid.NewGuid():N}", algorithm = "AES256_GCM" }).Ensure(HttpStatusCode.Created).ReadNodeAsync();
        return created["id"]!.GetValue<string>();
    }

    private async Task<string> EncryptAsync(string key, string text)
    {
        var encrypted = await _client.PostJsonAsync($"/kms/key/{key}/encrypt", new { plaintext_b64 = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text)) }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        return encrypted["ciphertext"]!.GetValue<string>();
    }

    private async Task DecryptAsync(string key, string ciphertext, string expected)
    {
        var decrypted = await _client.PostJsonAsync($"/kms/key/{key}/decrypt", new { ciphertext }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        Assert.That(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(decrypted["plaintext_b64"]!.GetValue<string>())), Is.EqualTo(expected));
    }

    private async Task RoundTripAsync(string key, string text) => await DecryptAsync(key, await EncryptAsync(key, text), text);
}
