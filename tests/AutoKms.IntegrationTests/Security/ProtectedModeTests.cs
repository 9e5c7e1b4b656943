using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AutoKms.IntegrationTests.Support;

namespace AutoKms.IntegrationTests.Security;

/// <summary>With a bootstrap token configured, every key route needs a bearer token with the right scope and key names.</summary>
public sealed class ProtectedModeTests
{
    private const string Bootstrap = "bootstrap-token-for-the-protected-mode-tests";
    private static readonly byte[] JwtKey = RandomNumberGenerator.GetBytes(32);

    private KmsApiFactory _factory = null!;
    private HttpClient _anonymous = null!;
    private HttpClient _admin = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _factory = new KmsApiFactory(settings: new Dictionary<string, string?>
        {
            ["Kms:Auth:BootstrapToken"] = Bootstrap,
            ["Kms:Auth:Jwt:SigningKey"] = Convert.ToBase64String(JwtKey),
            ["Kms:Auth:Jwt:Audience"] = "auto-kms",
        });
        _anonymous = _factory.CreateClient();
        _admin = ClientWith(Bootstrap);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _anonymous.Dispose();
        _admin.Dispose();
        _factory.Dispose();
    }

    [TestCase("GET", "/kms/key")]
    [TestCase("POST", "/kms/key")]
    [TestCase("POST", "/kms/key/5e454eb6-7739-453b-9aee-21d60032a773/encrypt")]
    [TestCase("GET", "/kms/key_version")]
    [TestCase("GET", "/kms/deleted_key")]
    [TestCase("POST", "/kms/random")]
    [TestCase("GET", "/kms/token")]
    [TestCase("POST", "/kms/rpc")]
    public async Task WithoutAToken_EveryKeyRoute_Answers401WithBearerChallenge(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = Json.Raw("{}");
        }

        var response = await _anonymous.SendAsync(request);

        await ApiTestBase.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "Authorization: Bearer");
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer"));
    }

    [Test]
    public async Task WithAnUnknownToken_Answers401_SayingTheTokenIsInvalid()
    {
        using var client = ClientWith("akms_not-a-token-the-service-issued");

        var response = await client.GetAsync("/kms/key");

        await ApiTestBase.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "unknown, revoked or expired");
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.Contain("invalid_token"));
    }

    [Test]
    public async Task HealthDocumentAndDocs_StayOpen()
    {
        await _anonymous.GetAsync("/system/healthz").Ensure(HttpStatusCode.OK);
        await _anonymous.GetAsync("/openapi.json").Ensure(HttpStatusCode.OK);
        await _anonymous.GetAsync("/docs/index.html").Ensure(HttpStatusCode.OK);
    }

    [Test]
    public async Task ATokenWithEncryptOnBillingKeys_EncryptsBillingA_ButNotHrA_AndCannotDecrypt()
    {
        var billing = await CreateKeyAsync($"billing-{Guid.NewGuid():N}");
        var hr = await CreateKeyAsync($"hr-{Guid.NewGuid():N}");
        using var client = ClientWith(await IssueAsync(["kms.encrypt"], ["billing-*"]));

        var encrypted = await client.PostJsonAsync($"/kms/key/{billing}/encrypt", new { plaintext_b64 = "aGk=" }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        var otherKey = await client.PostJsonAsync($"/kms/key/{hr}/encrypt", new { plaintext_b64 = "aGk=" });
        var decrypt = await client.PostAsync($"/kms/key/{billing}/decrypt", Json.Raw(encrypted.ToJsonString()));

        await ApiTestBase.AssertProblemAsync(otherKey, HttpStatusCode.Forbidden, "outside the caller's key-name globs");
        await ApiTestBase.AssertProblemAsync(decrypt, HttpStatusCode.Forbidden, "kms.decrypt");
    }

    [Test]
    public async Task ATokenLimitedToGlobs_ListsOnlyMatchingKeys_AndCannotCreateOthers()
    {
        var prefix = $"team{Guid.NewGuid():N}"[..12];
        await CreateKeyAsync($"{prefix}-a");
        await CreateKeyAsync($"other-{Guid.NewGuid():N}");
        using var client = ClientWith(await IssueAsync(["kms.keys.read", "kms.keys.manage"], [$"{prefix}-*"]));

        var listed = (await client.GetAsync("/kms/key?limit=1000").Ensure(HttpStatusCode.OK).ReadNodeAsync()).AsArray();
        var created = await client.PostJsonAsync("/kms/key", new { name = $"{prefix}-b", algorithm = "AES256_GCM" });
        var refused = await client.PostJsonAsync("/kms/key", new { name = $"outside-{Guid.NewGuid():N}", algorithm = "AES256_GCM" });

        Assert.That(listed.Select(k => k!["name"]!.GetValue<string>()), Is.EqualTo(new[] { $"{prefix}-a" }));
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        await ApiTestBase.AssertProblemAsync(refused, HttpStatusCode.Forbidden, "outside the caller's key-name globs");
    }

    [Test]
    public async Task ATakenNameOutsideTheGlobs_Answers403_NotAConflictThatWouldRevealIt()
    {
        var hidden = $"hr-{Guid.NewGuid():N}";
        await CreateKeyAsync(hidden);
        using var client = ClientWith(await IssueAsync(["kms.keys.manage"], ["billing-*"]));

        var response = await client.PostJsonAsync("/kms/key", new { name = hidden, algorithm = "RSA3072" });

        await ApiTestBase.AssertProblemAsync(response, HttpStatusCode.Forbidden, "outside the caller's key-name globs");
    }

    [Test]
    public async Task RefusalsAndTokenAdministration_AreInTheAuditTrail_AndItVerifies()
    {
        var key = await CreateKeyAsync($"audited-{Guid.NewGuid():N}");
        var name = $"audited-{Guid.NewGuid():N}";
        var secret = (await _admin.PostJsonAsync("/kms/token", new { name, scopes = new[] { "kms.encrypt" } }).Ensure(HttpStatusCode.Created).ReadNodeAsync())["token"]!.GetValue<string>();
        using var client = ClientWith(secret);

        await ApiTestBase.AssertProblemAsync(await client.PostJsonAsync($"/kms/key/{key}/decrypt", new { ciphertext = "akms:v1:AAAA" }), HttpStatusCode.Forbidden);
        await ApiTestBase.AssertProblemAsync(await _anonymous.GetAsync($"/kms/key/{key}"), HttpStatusCode.Unauthorized);

        var denied = (await _admin.GetAsync($"/kms/audit?key_id={key}&operation=Decrypt").Ensure(HttpStatusCode.OK).ReadNodeAsync()).AsArray();
        var unauthenticated = (await _admin.GetAsync($"/kms/audit?key_id={key}&operation=GetKey").Ensure(HttpStatusCode.OK).ReadNodeAsync()).AsArray();
        var issued = (await _admin.GetAsync("/kms/audit?operation=CreateToken&principal=bootstrap").Ensure(HttpStatusCode.OK).ReadNodeAsync()).AsArray();
        var verify = await _admin.GetAsync("/kms/audit/verify").Ensure(HttpStatusCode.OK).ReadNodeAsync();

        Assert.That(denied.Single()!["principal"]!.GetValue<string>(), Is.EqualTo($"token:{name}"));
        Assert.That(denied.Single()!["outcome"]!.GetValue<string>(), Is.EqualTo("denied"));
        Assert.That(unauthenticated.Single()!["outcome"]!.GetValue<string>(), Is.EqualTo("unauthenticated"));
        Assert.That(issued.Select(r => r!["outcome"]!.GetValue<string>()), Does.Contain("ok"));
        Assert.That(verify["ok"]!.GetValue<bool>(), Is.True);
        var trail = (await _admin.GetAsync("/kms/audit?limit=1000").ReadNodeAsync()).ToJsonString();
        Assert.That(trail, Does.Not.Contain(secret).And.Not.Contain(Bootstrap));
    }

    [Test]
    public async Task TheAuditTrail_IsForAdminsOnly()
    {
        using var client = ClientWith(await IssueAsync(["kms.keys.read"], []));

        await ApiTestBase.AssertProblemAsync(await client.GetAsync("/kms/audit"), HttpStatusCode.Forbidden, "kms.admin");
    }

    [Test]
    public async Task ARenameToATakenNameOutsideTheGlobs_Answers403_NotAConflict_AndRefusalsNameNoKey()
    {
        var hidden = $"hr-{Guid.NewGuid():N}";
        var hiddenId = await CreateKeyAsync(hidden);
        var own = await CreateKeyAsync($"billing-{Guid.NewGuid():N}");
        using var client = ClientWith(await IssueAsync(["kms.keys.manage", "kms.keys.read"], ["billing-*"]));

        var rename = await client.PatchJsonAsync($"/kms/key/{own}", new { name = hidden });
        var read = await client.GetAsync($"/kms/key/{hiddenId}");

        await ApiTestBase.AssertProblemAsync(rename, HttpStatusCode.Forbidden);
        await ApiTestBase.AssertProblemAsync(read, HttpStatusCode.Forbidden);
        Assert.That(await rename.Content.ReadAsStringAsync() + await read.Content.ReadAsStringAsync(), Does.Not.Contain(hidden));
    }

    [Test]
    public async Task AnAdminTokenLimitedToGlobs_IsRefused_AndAJwtClaimingBoth_IsNoAdmin()
    {
        var refused = await _admin.PostJsonAsync("/kms/token", new { name = $"ltd-{Guid.NewGuid():N}", scopes = new[] { "kms.admin" }, keys = new[] { "billing-*" } });
        var emptyKeys = await _admin.PostJsonAsync("/kms/token", new { name = $"none-{Guid.NewGuid():N}", scopes = new[] { "kms.encrypt" }, keys = Array.Empty<string>() });
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var jwtAdmin = ClientWith(Jwt(new JsonObject { ["sub"] = "ltd-admin", ["aud"] = "auto-kms", ["scope"] = "kms.admin", ["kms_keys"] = new JsonArray("billing-*"), ["exp"] = now + 300 }, JwtKey));

        await ApiTestBase.AssertProblemAsync(refused, (HttpStatusCode)422, "cannot limit a kms.admin token");
        await ApiTestBase.AssertProblemAsync(emptyKeys, (HttpStatusCode)422, "leave it out for every key");
        await ApiTestBase.AssertProblemAsync(await jwtAdmin.PostJsonAsync("/kms/token", new { name = "escape", scopes = new[] { "kms.admin" } }), HttpStatusCode.Forbidden, "kms.admin");
        await ApiTestBase.AssertProblemAsync(await jwtAdmin.GetAsync("/kms/audit"), HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task AJwtWithAnEmptyKmsKeysClaim_MayUseNoKey()
    {
        var key = await CreateKeyAsync($"jwt-none-{Guid.NewGuid():N}");
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var client = ClientWith(Jwt(new JsonObject { ["sub"] = "nobody", ["aud"] = "auto-kms", ["scope"] = "kms.keys.read", ["kms_keys"] = new JsonArray(), ["exp"] = now + 300 }, JwtKey));

        var listed = (await client.GetAsync("/kms/key?limit=1000").Ensure(HttpStatusCode.OK).ReadNodeAsync()).AsArray();

        Assert.That(listed, Is.Empty);
        await ApiTestBase.AssertProblemAsync(await client.GetAsync($"/kms/key/{key}"), HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task ARevokedToken_StopsWorkingOnTheNextRequest()
    {
        var issued = await _admin.PostJsonAsync("/kms/token", new { name = $"short-lived-{Guid.NewGuid():N}", scopes = new[] { "kms.keys.read" } }).Ensure(HttpStatusCode.Created).ReadNodeAsync();
        using var client = ClientWith(issued["token"]!.GetValue<string>());
        await client.GetAsync("/kms/key").Ensure(HttpStatusCode.OK);

        await _admin.DeleteAsync($"/kms/token/{issued["id"]}").Ensure(HttpStatusCode.OK);

        await ApiTestBase.AssertProblemAsync(await client.GetAsync("/kms/key"), HttpStatusCode.Unauthorized, "revoked");
        await ApiTestBase.AssertProblemAsync(await _admin.DeleteAsync($"/kms/token/{issued["id"]}"), HttpStatusCode.Conflict, "already revoked");
    }

    [Test]
    public async Task Tokens_AreShownOnce_ListedWithoutSecrets_AndStoredOnlyAsHashes()
    {
        var name = $"listed-{Guid.NewGuid():N}";
        var issued = await _admin.PostJsonAsync("/kms/token", new { name, scopes = new[] { "kms.verify" }, keys = new[] { "pub-*" } }).Ensure(HttpStatusCode.Created).ReadNodeAsync();
        var secret = issued["token"]!.GetValue<string>();

        var listed = await _admin.GetAsync("/kms/token?limit=1000").Ensure(HttpStatusCode.OK);
        var text = await listed.Content.ReadAsStringAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var files = Directory.GetFiles(_factory.Directory, "kms.db*").Select(File.ReadAllBytes).ToList();

        Assert.That(secret, Does.StartWith("akms_").And.Length.GreaterThan(40));
        Assert.That(text, Does.Contain(name).And.Not.Contain(secret).And.Not.Contain("akms_"));
        Assert.That(files.Any(f => Contains(f, Encoding.UTF8.GetBytes(secret))), Is.False, "the secret is nowhere in the database files");
        Assert.That(files.Any(f => Contains(f, SHA256.HashData(Encoding.UTF8.GetBytes(secret)))), Is.True, "its hash is (the test could find the secret if it were there)");
    }

    [TestCase("{\"name\":\"x\",\"scopes\":[\"kms.everything\"]}", "'kms.everything' is not a scope")]
    [TestCase("{\"name\":\"x\",\"scopes\":[]}", "'scopes' needs at least one")]
    public async Task CreatingATokenWithBadScopes_Answers422(string body, string detail)
    {
        await ApiTestBase.AssertProblemAsync(await _admin.PostAsync("/kms/token", Json.Raw(body)), (HttpStatusCode)422, detail);
    }

    [Test]
    public async Task TokensAreManagedByAdminsOnly()
    {
        using var client = ClientWith(await IssueAsync(["kms.keys.manage"], []));

        await ApiTestBase.AssertProblemAsync(await client.GetAsync("/kms/token"), HttpStatusCode.Forbidden, "kms.admin");
    }

    [Test]
    public async Task JsonRpc_AppliesTheSameScopePerCall()
    {
        var key = await CreateKeyAsync($"rpc-{Guid.NewGuid():N}");
        using var client = ClientWith(await IssueAsync(["kms.encrypt"], []));
        var body = new JsonArray
        {
            new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "Key.encrypt", ["params"] = new JsonObject { ["id"] = key, ["plaintext_b64"] = "aGk=" }, ["id"] = 1 },
            new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "Key.list", ["params"] = new JsonObject(), ["id"] = 2 },
        };

        var answers = (await client.PostAsync("/kms/rpc", Json.Raw(body.ToJsonString())).Ensure(HttpStatusCode.OK).ReadNodeAsync()).AsArray();

        Assert.That(answers[0]!["result"]!["kid"]!.GetValue<string>(), Is.EqualTo(key));
        Assert.That(answers[1]!["error"]!["code"]!.GetValue<int>(), Is.EqualTo(-32003));
        Assert.That(answers[1]!["error"]!["message"]!.GetValue<string>(), Does.Contain("kms.keys.read"));
    }

    [Test]
    public async Task AJwtFromTheIdentityProvider_GrantsItsScopeClaim_AndAForgedOneIsRefused()
    {
        var key = await CreateKeyAsync($"jwt-{Guid.NewGuid():N}");
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = new JsonObject { ["sub"] = "svc-42", ["aud"] = "auto-kms", ["scope"] = "kms.keys.read kms.encrypt", ["exp"] = now + 300, ["iat"] = now };
        using var valid = ClientWith(Jwt(payload, JwtKey));
        using var forged = ClientWith(Jwt(payload, RandomNumberGenerator.GetBytes(32)));

        await valid.GetAsync($"/kms/key/{key}").Ensure(HttpStatusCode.OK);
        await valid.PostJsonAsync($"/kms/key/{key}/encrypt", new { plaintext_b64 = "aGk=" }).Ensure(HttpStatusCode.OK);
        await ApiTestBase.AssertProblemAsync(await valid.PostJsonAsync("/kms/key", new { name = "nope", algorithm = "AES256_GCM" }), HttpStatusCode.Forbidden, "kms.keys.manage");
        await ApiTestBase.AssertProblemAsync(await forged.GetAsync($"/kms/key/{key}"), HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task ForeignHostsAndOtherSites_AreServed_WhenAuthenticationIsOn()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/kms/key");
        request.Headers.Host = "kms.internal.example";
        request.Headers.Add("Origin", "https://portal.example");

        var response = await _admin.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "tokens, not host names, protect a configured service");
    }

    private HttpClient ClientWith(string token)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<string> CreateKeyAsync(string name) =>
        (await _admin.PostJsonAsync("/kms/key", new { name, algorithm = "AES256_GCM" }).Ensure(HttpStatusCode.Created).ReadNodeAsync())["id"]!.GetValue<string>();

    private async Task<string> IssueAsync(string[] scopes, string[] keys) =>
        (await _admin.PostJsonAsync("/kms/token", keys.Length == 0 ? new { name = $"t-{Guid.NewGuid():N}", scopes } : (object)new { name = $"t-{Guid.NewGuid():N}", scopes, keys })
            .Ensure(HttpStatusCode.Created).ReadNodeAsync())["token"]!.GetValue<string>();

    private static string Jwt(JsonObject payload, byte[] key)
    {
        static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var signingInput = $"{B64(Encoding.UTF8.GetBytes("""{"alg":"HS256","typ":"JWT"}"""))}.{B64(Encoding.UTF8.GetBytes(payload.ToJsonString()))}";
        return $"{signingInput}.{B64(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(signingInput)))}";
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
