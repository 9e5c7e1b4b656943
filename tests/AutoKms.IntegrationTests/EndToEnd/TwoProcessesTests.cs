using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using AutoKms.IntegrationTests.Support;

namespace AutoKms.IntegrationTests.EndToEnd;

/// <summary>
/// Two real service processes on one database, as N instances behind a load balancer run: what
/// one creates the other serves at once; what one disables, rotates or revokes the other honours
/// within a second, read from the change feed rather than per request.
/// </summary>
[TestFixture(TestDatabase.Sqlite)]
[TestFixture(TestDatabase.Postgres)]
public sealed class TwoProcessesTests(string provider)
{
    private const string Bootstrap = "two-processes-bootstrap-token-0123456789abcdef";

    private TestDatabase _database = null!;
    private ServiceProcess _a = null!;
    private ServiceProcess _b = null!;
    private HttpClient _viaA = null!;
    private HttpClient _viaB = null!;

    [OneTimeSetUp]
    public async Task StartTwoProcesses()
    {
        _database = TestDatabase.Create(provider);
        var directory = TempDirectory.Create();
        var environment = new Dictionary<string, string?>
        {
            ["Kms__Auth__BootstrapToken"] = Bootstrap,
            ["Kms__RootKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Kms__Database__Provider"] = _database.Provider,
            ["ConnectionStrings__Kms"] = _database.ConnectionString,
        };
        _a = await ServiceProcess.StartAsync(directory, environment);
        _b = await ServiceProcess.StartAsync(directory, environment);
        _viaA = Client(_a, Bootstrap);
        _viaB = Client(_b, Bootstrap);
    }

    [OneTimeTearDown]
    public async Task StopProcesses()
    {
        _viaA?.Dispose();
        _viaB?.Dispose();
        if (_a is not null)
        {
            await _a.DisposeAsync();
        }

        if (_b is not null)
        {
            await _b.DisposeAsync();
        }

        _database?.Dispose();
    }

    [Test]
    public async Task A_key_made_through_one_process_is_served_by_the_other_and_its_changes_reach_it_within_a_second()
    {
        var key = (await _viaA.PostJsonAsync("/kms/key", new { name = $"two-{Guid.NewGuid():N}", algorithm = "AES256_GCM" }).Ensure(HttpStatusCode.Created).ReadNodeAsync())["id"]!.GetValue<string>();
        var ciphertext = (await _viaB.PostJsonAsync($"/kms/key/{key}/encrypt", new { plaintext_b64 = "AA==" }).Ensure(HttpStatusCode.OK).ReadNodeAsync())["ciphertext"]!.GetValue<string>();
        await _viaA.PostJsonAsync($"/kms/key/{key}/decrypt", new { ciphertext }).Ensure(HttpStatusCode.OK);

        await _viaA.PostAsync($"/kms/key/{key}/rotate", null).Ensure(HttpStatusCode.Created);
        Assert.That(await Eventually.WithinASecondAsync(async () => (await _viaB.PostJsonAsync($"/kms/key/{key}/encrypt", new { plaintext_b64 = "AA==" }).ReadNodeAsync())["version"]!.GetValue<int>() == 2), Is.True, "B encrypts with the version A made");

        await _viaA.PatchJsonAsync($"/kms/key/{key}", new { status = "disabled" }).Ensure(HttpStatusCode.OK);
        Assert.That(await Eventually.WithinASecondAsync(async () => (await _viaB.PostJsonAsync($"/kms/key/{key}/encrypt", new { plaintext_b64 = "AA==" })).StatusCode == HttpStatusCode.Forbidden), Is.True, "B stops using the key A disabled");
    }

    [Test]
    public async Task A_token_revoked_through_one_process_stops_working_through_the_other_within_a_second()
    {
        var key = (await _viaA.PostJsonAsync("/kms/key", new { name = $"two-{Guid.NewGuid():N}", algorithm = "AES256_GCM" }).Ensure(HttpStatusCode.Created).ReadNodeAsync())["id"]!.GetValue<string>();
        var issued = await _viaA.PostJsonAsync("/kms/token", new { name = $"two-{Guid.NewGuid():N}", scopes = new[] { "kms.encrypt" } }).Ensure(HttpStatusCode.Created).ReadNodeAsync();
        using var app = Client(_b, issued["token"]!.GetValue<string>());
        await app.PostJsonAsync($"/kms/key/{key}/encrypt", new { plaintext_b64 = "AA==" }).Ensure(HttpStatusCode.OK);

        await _viaA.DeleteAsync($"/kms/token/{issued["id"]}").Ensure(HttpStatusCode.OK);

        Assert.That(await Eventually.WithinASecondAsync(async () => (await app.PostJsonAsync($"/kms/key/{key}/encrypt", new { plaintext_b64 = "AA==" })).StatusCode == HttpStatusCode.Unauthorized), Is.True);
    }

    private static HttpClient Client(ServiceProcess service, string token)
    {
        var client = new HttpClient { BaseAddress = service.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
