using System.Net;
using System.Net.Http.Headers;
using AutoKms.IntegrationTests.Support;

namespace AutoKms.IntegrationTests.HotPath;

/// <summary>
/// Two instances of the service on one database (one SQLite file, or one PostgreSQL database over
/// the network): what one changes, the other stops using within a second, without querying on its
/// hot path; limits and numbering hold across both.
/// </summary>
[TestFixture(TestDatabase.Sqlite)]
[TestFixture(TestDatabase.Postgres)]
public sealed class SharedDatabaseInstancesTests(string provider)
{
    private const string Bootstrap = "shared-database-bootstrap-token-0123456789";

    private TestDatabase _database = null!;

    private KmsApiFactory _factoryA = null!;
    private KmsApiFactory _factoryB = null!;
    private HttpClient _a = null!;
    private HttpClient _b = null!;

    [OneTimeSetUp]
    public void StartTwoInstances()
    {
        _database = TestDatabase.Create(provider);
        var settings = new Dictionary<string, string?>(_database.Settings)
        {
            ["Kms:Auth:BootstrapToken"] = Bootstrap,
            ["Kms:MaxEncryptionsPerVersion"] = "10",
            ["Kms:Cache:EncryptionLease"] = "4",
        };
        _factoryA = new KmsApiFactory(settings: settings);
        _a = Authorised(_factoryA.CreateClient(), Bootstrap);
        _factoryB = new KmsApiFactory(_factoryA.Directory, _factoryA.RootKey, settings);
        _b = Authorised(_factoryB.CreateClient(), Bootstrap);
    }

    [OneTimeTearDown]
    public void StopInstances()
    {
        _a?.Dispose();
        _b?.Dispose();
        _factoryA?.Dispose();
        _factoryB?.Dispose();
        _database?.Dispose();
    }

    [Test]
    public async Task A_key_created_through_one_instance_is_usable_through_the_other_at_once()
    {
        var key = await CreateKeyAsync(_a);

        var ciphertext = await EncryptAsync(_b, key);

        await _a.PostJsonAsync($"/kms/key/{key}/decrypt", new { ciphertext }).Ensure(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_disable_through_one_instance_stops_the_other_within_a_second_and_an_enable_brings_it_back()
    {
        var key = await CreateKeyAsync(_a);
        await EncryptAsync(_b, key);

        await _a.PatchJsonAsync($"/kms/key/{key}", new { status = "disabled" }).Ensure(HttpStatusCode.OK);
        Assert.That(await Eventually.WithinASecondAsync(async () => (await _b.PostJsonAsync($"/kms/key/{key}/encrypt", new { plaintext_b64 = "AA==" })).StatusCode == HttpStatusCode.Forbidden), Is.True);

        await _a.PatchJsonAsync($"/kms/key/{key}", new { status = "enabled" }).Ensure(HttpStatusCode.OK);
        Assert.That(await Eventually.WithinASecondAsync(async () => (await _b.PostJsonAsync($"/kms/key/{key}/encrypt", new { plaintext_b64 = "AA==" })).StatusCode == HttpStatusCode.OK), Is.True);
    }

    [Test]
    public async Task A_rotation_or_a_destroy_through_one_instance_reaches_the_other_within_a_second()
    {
        var key = await CreateKeyAsync(_a);
        var v1 = await EncryptAsync(_b, key);

        await _a.PostAsync($"/kms/key/{key}/rotate", null).Ensure(HttpStatusCode.Created);
        Assert.That(await Eventually.WithinASecondAsync(async () => (await _b.PostJsonAsync($"/kms/key/{key}/encrypt", new { plaintext_b64 = "AA==" }).ReadNodeAsync())["version"]!.GetValue<int>() == 2), Is.True);

        var versions = await _a.GetAsync($"/kms/key_version?key_id={key}").Ensure(HttpStatusCode.OK).ReadNodeAsync();
        var version1 = versions.AsArray().Single(v => v!["version"]!.GetValue<int>() == 1)!;
        await _a.PatchJsonAsync($"/kms/key_version/{version1["id"]}", new { status = "destroyed" }).Ensure(HttpStatusCode.OK);
        Assert.That(await Eventually.WithinASecondAsync(async () => (await _b.PostJsonAsync($"/kms/key/{key}/decrypt", new { ciphertext = v1 })).StatusCode == HttpStatusCode.Forbidden), Is.True);
    }

    [Test]
    public async Task The_encryption_limit_holds_across_instances()
    {
        var key = await CreateKeyAsync(_a);
        var perVersion = new Dictionary<int, int>();
        for (var i = 0; i < 36; i++)
        {
            var client = i % 3 == 0 ? _a : _b;
            var encrypted = await client.PostJsonAsync($"/kms/key/{key}/encrypt", new { plaintext_b64 = "AA==" }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
            var version = encrypted["version"]!.GetValue<int>();
            perVersion[version] = perVersion.GetValueOrDefault(version) + 1;
        }

        Assert.That(perVersion.Values, Has.All.LessThanOrEqualTo(10), "no version encrypted more than Kms:MaxEncryptionsPerVersion");
        Assert.That(perVersion.Keys, Has.Count.GreaterThanOrEqualTo(4), "36 encryptions at 10 per version need at least four versions");
    }

    [Test]
    public async Task Concurrent_rotations_through_both_instances_number_versions_without_gap_or_duplicate()
    {
        var key = await CreateKeyAsync(_a);

        var rotations = Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? _a : _b).PostAsync($"/kms/key/{key}/rotate", null)).ToList();
        var answers = await Task.WhenAll(rotations);

        Assert.That(answers.Select(a => a.StatusCode), Has.All.EqualTo(HttpStatusCode.Created));
        var versions = await _b.GetAsync($"/kms/key_version?key_id={key}&limit=100").Ensure(HttpStatusCode.OK).ReadNodeAsync();
        Assert.That(versions.AsArray().Select(v => v!["version"]!.GetValue<int>()).Order(), Is.EqualTo(Enumerable.Range(1, 21)));
    }

    [Test]
    public async Task A_name_cannot_be_taken_through_both_instances()
    {
        var name = $"twice-{Guid.NewGuid():N}";

        var answers = await Task.WhenAll(
            _a.PostJsonAsync("/kms/key", new { name, algorithm = "AES256_GCM" }),
            _b.PostJsonAsync("/kms/key", new { name, algorithm = "AES256_GCM" }));

        Assert.That(answers.Select(a => a.StatusCode), Is.EquivalentTo(new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
    }

    [Test]
    public async Task A_token_revoked_through_one_instance_stops_working_through_the_other_within_a_second()
    {
        var key = await CreateKeyAsync(_a);
        var issued = await _a.PostJsonAsync("/kms/token", new { name = $"revoked-{Guid.NewGuid():N}", scopes = new[] { "kms.encrypt" } }).Ensure(HttpStatusCode.Created).ReadNodeAsync();
        using var viaB = Authorised(_factoryB.CreateClient(), issued["token"]!.GetValue<string>());
        await viaB.PostJsonAsync($"/kms/key/{key}/encrypt", new { plaintext_b64 = "AA==" }).Ensure(HttpStatusCode.OK);

        await _a.DeleteAsync($"/kms/token/{issued["id"]}").Ensure(HttpStatusCode.OK);

        Assert.That(await Eventually.WithinASecondAsync(async () => (await viaB.PostJsonAsync($"/kms/key/{key}/encrypt", new { plaintext_b64 = "AA==" })).StatusCode == HttpStatusCode.Unauthorized), Is.True);
    }

    [Test]
    public async Task The_audit_trail_written_by_both_instances_is_one_chain_that_verifies()
    {
        var key = await CreateKeyAsync(_a);
        for (var i = 0; i < 10; i++)
        {
            await EncryptAsync(i % 2 == 0 ? _a : _b, key);
        }

        var verified = await _b.GetAsync("/kms/audit/verify").Ensure(HttpStatusCode.OK).ReadNodeAsync();
        Assert.That(verified["ok"]!.GetValue<bool>(), Is.True);
    }

    private static HttpClient Authorised(HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<string> CreateKeyAsync(HttpClient client) =>
        (await client.PostJsonAsync("/kms/key", new { name = $"shared-{Guid.NewGuid():N}", algorithm = "AES256_GCM" }).Ensure(HttpStatusCode.Created).ReadNodeAsync())["id"]!.GetValue<string>();

    private static async Task<string> EncryptAsync(HttpClient client, string key) =>
        (await client.PostJsonAsync($"/kms/key/{key}/encrypt", new { plaintext_b64 = "AA==" }).Ensure(HttpStatusCode.OK).ReadNodeAsync())["ciphertext"]!.GetValue<string>();
}
