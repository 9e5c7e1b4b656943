using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using AutoKms.IntegrationTests.Support;

namespace AutoKms.IntegrationTests.Storage;

/// <summary>
/// The whole service, over HTTP, on each storage provider: the key flows a client relies on, in
/// protected mode (tokens limited to key-name globs), the audit trail, and a restart on the same
/// database. The other HTTP suites run on SQLite; this one proves the same flows on PostgreSQL.
/// </summary>
[TestFixture(TestDatabase.Sqlite)]
[TestFixture(TestDatabase.Postgres)]
public sealed class ServiceOnEveryProviderTests(string provider)
{
    private const string Bootstrap = "bootstrap-token-for-the-provider-smoke-tests";

    private readonly byte[] _rootKey = RandomNumberGenerator.GetBytes(32);

    private TestDatabase _database = null!;

    private KmsApiFactory _factory = null!;

    private HttpClient _admin = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _database = TestDatabase.Create(provider);
        _factory = NewFactory();
        _admin = ClientWith(_factory, Bootstrap);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _admin?.Dispose();
        _factory?.Dispose();
        _database?.Dispose();
    }

    [Test]
    public async Task A_key_is_created_used_rotated_disabled_deleted_and_recovered()
    {
        var created = await _admin.PostJsonAsync("/kms/key", new { name = $"flow-{Guid.NewGuid():N}", algorithm = "AES256_GCM" }).Ensure(HttpStatusCode.Created).ReadNodeAsync();
        var id = created["id"]!.GetValue<string>();

        var first = await _admin.PostJsonAsync($"/kms/key/{id}/encrypt", new { plaintext_b64 = Json.B64("before rotation") }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        await _admin.PostAsync($"/kms/key/{id}/rotate", null).Ensure(HttpStatusCode.Created);
        var rotated = await _admin.GetAsync($"/kms/key/{id}").Ensure(HttpStatusCode.OK).ReadNodeAsync();
        var second = await _admin.PostJsonAsync($"/kms/key/{id}/encrypt", new { plaintext_b64 = Json.B64("after rotation") }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        var oldOpened = await _admin.PostAsync($"/kms/key/{id}/decrypt", Json.Raw(first.ToJsonString())).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        var newOpened = await _admin.PostAsync($"/kms/key/{id}/decrypt", Json.Raw(second.ToJsonString())).Ensure(HttpStatusCode.OK).ReadNodeAsync();

        // Read-only fields echoed from the create answer match what was stored, to the tick.
        var echoed = await _admin.PatchJsonAsync($"/kms/key/{id}", new { status = "disabled", created_at = created["created_at"]!.GetValue<string>() });
        var refused = await _admin.PostJsonAsync($"/kms/key/{id}/encrypt", new { plaintext_b64 = Json.B64("disabled") });
        var versions = (await _admin.GetAsync($"/kms/key_version?key_id={id}").Ensure(HttpStatusCode.OK).ReadNodeAsync()).AsArray();
        await _admin.DeleteAsync($"/kms/key/{id}").Ensure(HttpStatusCode.OK);
        var gone = await _admin.GetAsync($"/kms/key/{id}");
        var deleted = (await _admin.GetAsync("/kms/deleted_key?limit=1000").Ensure(HttpStatusCode.OK).ReadNodeAsync()).AsArray();
        var recovered = await _admin.PostAsync($"/kms/deleted_key/{id}/recover", null).Ensure(HttpStatusCode.OK).ReadNodeAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(first["version"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(rotated["primary_version"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(second["version"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(Json.Text(oldOpened["plaintext_b64"]), Is.EqualTo("before rotation"));
            Assert.That(Json.Text(newOpened["plaintext_b64"]), Is.EqualTo("after rotation"));
            Assert.That(echoed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await echoed.Content.ReadAsStringAsync());
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), await refused.Content.ReadAsStringAsync());
            Assert.That(versions.Select(v => v!["version"]!.GetValue<int>()), Is.EqualTo(new[] { 1, 2 }));
            Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(deleted.Select(k => k!["id"]!.GetValue<string>()), Does.Contain(id));
            Assert.That(recovered["status"]!.GetValue<string>(), Is.EqualTo("disabled"));
        });
    }

    [Test]
    public async Task A_token_limited_to_globs_lists_and_uses_only_its_keys_until_revoked()
    {
        var team = $"team{Guid.NewGuid():N}"[..12];
        var mine = await CreateKeyAsync($"{team}-a");
        await CreateKeyAsync($"{team}_b");
        await CreateKeyAsync($"{team}%c");
        var other = await CreateKeyAsync($"other-{Guid.NewGuid():N}");
        var issued = await _admin.PostJsonAsync("/kms/token", new { name = $"t-{Guid.NewGuid():N}", scopes = new[] { "kms.keys.read", "kms.encrypt" }, keys = new[] { $"{team}-*", $"{team}?c" } })
            .Ensure(HttpStatusCode.Created).ReadNodeAsync();
        using var client = ClientWith(_factory, issued["token"]!.GetValue<string>());

        var listed = (await client.GetAsync("/kms/key?limit=1000").Ensure(HttpStatusCode.OK).ReadNodeAsync()).AsArray();
        var allowed = await client.PostJsonAsync($"/kms/key/{mine}/encrypt", new { plaintext_b64 = Json.B64("hi") });
        var refused = await client.PostJsonAsync($"/kms/key/{other}/encrypt", new { plaintext_b64 = Json.B64("hi") });
        var tokens = (await _admin.GetAsync("/kms/token?limit=1000").Ensure(HttpStatusCode.OK).ReadNodeAsync()).AsArray();
        await _admin.DeleteAsync($"/kms/token/{issued["id"]}").Ensure(HttpStatusCode.OK);
        var afterRevocation = await client.GetAsync("/kms/key");

        Assert.That(listed.Select(k => k!["name"]!.GetValue<string>()), Is.EquivalentTo(new[] { $"{team}-a", $"{team}%c" }), "'_' and '%' in names are no wildcards");
        Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(tokens.Select(t => t!["id"]!.GetValue<string>()), Does.Contain(issued["id"]!.GetValue<string>()));
        Assert.That(afterRevocation.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task The_audit_trail_records_the_requests_and_verifies()
    {
        var id = await CreateKeyAsync($"audited-{Guid.NewGuid():N}");
        await _admin.PostJsonAsync($"/kms/key/{id}/encrypt/batch", new { batch_input = new[] { new { plaintext_b64 = Json.B64("a") }, new { plaintext_b64 = Json.B64("b") } } }).Ensure(HttpStatusCode.OK);

        var records = (await _admin.GetAsync($"/kms/audit?key_id={id}&limit=100").Ensure(HttpStatusCode.OK).ReadNodeAsync()).AsArray();
        var verified = await _admin.GetAsync("/kms/audit/verify").Ensure(HttpStatusCode.OK).ReadNodeAsync();

        Assert.That(records.Select(r => (string?)r!["operation"]), Does.Contain("CreateKey").And.Contain("EncryptBatch"));
        Assert.That(records.All(r => (string?)r!["key_id"] == id), Is.True);
        Assert.That(verified["ok"]!.GetValue<bool>(), Is.True, verified.ToJsonString());
    }

    [Test]
    public async Task The_service_is_ready_and_after_a_restart_on_the_same_database_still_decrypts()
    {
        var id = await CreateKeyAsync($"kept-{Guid.NewGuid():N}");
        var sealedText = await _admin.PostJsonAsync($"/kms/key/{id}/encrypt", new { plaintext_b64 = Json.B64("kept") }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        await _admin.GetAsync("/system/readyz").Ensure(HttpStatusCode.OK);

        using var restarted = NewFactory();
        using var client = ClientWith(restarted, Bootstrap);
        var opened = await client.PostAsync($"/kms/key/{id}/decrypt", Json.Raw(sealedText.ToJsonString())).Ensure(HttpStatusCode.OK).ReadNodeAsync();

        Assert.That(Json.Text(opened["plaintext_b64"]), Is.EqualTo("kept"));
    }

    [Test]
    public async Task The_root_key_rotates_while_traffic_runs_and_afterwards_only_the_new_one_opens_the_database()
    {
        using var database = TestDatabase.Create(provider);
        var directory = TempDirectory.Create();
        var oldKey = Path.Combine(directory, "old.key");
        var newKey = Path.Combine(directory, "new.key");
        AutoKms.Infrastructure.Crypto.RootKeyFile.Create(oldKey, RandomNumberGenerator.GetBytes(32));
        AutoKms.Infrastructure.Crypto.RootKeyFile.Create(newKey, RandomNumberGenerator.GetBytes(32));
        var sealedTexts = new List<(string KeyId, string Ciphertext)>();

        using (var factory = new KmsApiFactory(settings: WithRootKeyFile(database, oldKey)))
        using (var client = factory.CreateClient())
        {
            var keyIds = new List<string>();
            for (var k = 0; k < 3; k++)
            {
                var id = (await client.PostJsonAsync("/kms/key", new { name = $"root-{k}-{Guid.NewGuid():N}", algorithm = "AES256_GCM" }).Ensure(HttpStatusCode.Created).ReadNodeAsync())["id"]!.GetValue<string>();
                keyIds.Add(id);
                for (var v = 0; v < 3; v++)
                {
                    var encrypted = await client.PostJsonAsync($"/kms/key/{id}/encrypt", new { plaintext_b64 = Json.B64($"{k}.{v}") }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
                    sealedTexts.Add((id, encrypted["ciphertext"]!.GetValue<string>()));
                    if (v < 2)
                    {
                        await client.PostAsync($"/kms/key/{id}/rotate", null).Ensure(HttpStatusCode.Created);
                    }
                }
            }

            using var over = new CancellationTokenSource();
            var traffic = Task.Run(async () =>
            {
                var failures = new List<string>();
                for (var i = 0; !over.IsCancellationRequested || i < 3; i++)
                {
                    var encrypted = await client.PostJsonAsync($"/kms/key/{keyIds[i % 3]}/encrypt", new { plaintext_b64 = Json.B64("traffic") });
                    if (encrypted.StatusCode != HttpStatusCode.OK)
                    {
                        failures.Add($"{(int)encrypted.StatusCode} {await encrypted.Content.ReadAsStringAsync()}");
                    }
                }

                return failures;
            });
            var rotated = await client.PostJsonAsync("/kms/root_key/rotate", new { key_file = newKey }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
            await over.CancelAsync();

            Assert.That(await traffic, Is.Empty);
            Assert.That(rotated["resealed_versions"]!.GetValue<int>(), Is.EqualTo(9));
        }

        using (var restarted = new KmsApiFactory(settings: WithRootKeyFile(database, newKey)))
        using (var client = restarted.CreateClient())
        {
            foreach (var (keyId, ciphertext) in sealedTexts)
            {
                await client.PostJsonAsync($"/kms/key/{keyId}/decrypt", new { ciphertext }).Ensure(HttpStatusCode.OK);
            }
        }

        using var withOldKey = new KmsApiFactory(settings: WithRootKeyFile(database, oldKey));
        Assert.That(Assert.Catch(() => withOldKey.CreateClient())!.ToString(), Does.Contain("root key is not the one this database was sealed with"));
    }

    private static Dictionary<string, string?> WithRootKeyFile(TestDatabase database, string keyFile) =>
        new(database.Settings) { ["Kms:RootKeyFile"] = keyFile };

    private KmsApiFactory NewFactory()
    {
        var settings = _database.Settings;
        settings["Kms:Auth:BootstrapToken"] = Bootstrap;
        return new KmsApiFactory(rootKey: _rootKey, settings: settings);
    }

    private static HttpClient ClientWith(KmsApiFactory factory, string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<string> CreateKeyAsync(string name) =>
        (await _admin.PostJsonAsync("/kms/key", new { name, algorithm = "AES256_GCM" }).Ensure(HttpStatusCode.Created).ReadNodeAsync())["id"]!.GetValue<string>();
}
