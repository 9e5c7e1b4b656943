using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using AutoKms.IntegrationTests.Support;

namespace AutoKms.IntegrationTests.EndToEnd;

/// <summary>
/// kill -9 of the real service process while writes are in flight: after a restart on the same
/// database every acknowledged key creation, rotation, token issue and revocation is there with
/// its audit record, the trail verifies, and every key stored is whole (consecutive versions, a
/// primary that encrypts) — including ones whose answer the kill cut off.
/// </summary>
[TestFixture(TestDatabase.Sqlite)]
[TestFixture(TestDatabase.Postgres)]
public sealed class KillDuringWritesTests(string provider)
{
    // The write load and the checks go faster than the default per-caller limits allow.
    private static readonly string[] Unlimited = ["--Kms:RateLimits:KeyWrites:PermitsPerSecond=0", "--Kms:RateLimits:Admin:PermitsPerSecond=0"];

    [Test]
    public async Task Acknowledged_writes_survive_kill_9_at_any_moment_and_no_key_is_half_made([Values(350, 700, 1100)] int killAfterMs)
    {
        var directory = TempDirectory.Create();
        using var database = TestDatabase.Create(provider);
        var environment = Environment(database);
        var acknowledged = new Acknowledged();

        await using (var service = await ServiceProcess.StartAsync(directory, "http", Unlimited, null, environment))
        {
            using var client = new HttpClient { BaseAddress = service.BaseAddress };
            for (var i = 0; i < 3; i++)
            {
                await CreateKeyAsync(client, acknowledged);
            }

            using var stop = new CancellationTokenSource();
            var workers = Enumerable.Range(0, 4).Select(worker => WriteUntilKilledAsync(client, acknowledged, worker, stop.Token)).ToList();
            await Task.Delay(killAfterMs);
            service.KillHard();
            await stop.CancelAsync();
            await Task.WhenAll(workers);
        }

        Assert.That(acknowledged.Keys.Count + acknowledged.Rotations.Count + acknowledged.Tokens.Count, Is.GreaterThan(3), "writes were acknowledged under load before the kill");
        await using var restarted = await ServiceProcess.StartAsync(directory, "http", Unlimited, null, environment);
        using var check = new HttpClient { BaseAddress = restarted.BaseAddress };

        foreach (var (id, name) in acknowledged.Keys)
        {
            var key = await check.GetAsync($"/kms/key/{id}").Ensure(HttpStatusCode.OK).ReadNodeAsync();
            Assert.That(key["name"]!.GetValue<string>(), Is.EqualTo(name));
            var created = (await check.GetAsync($"/kms/audit?key_id={id}&operation=CreateKey").Ensure(HttpStatusCode.OK).ReadNodeAsync()).AsArray();
            Assert.That(created.Select(r => r!["outcome"]!.GetValue<string>()), Does.Contain("ok"), $"the audit record of acknowledged key {name}");
        }

        foreach (var (id, version) in acknowledged.Rotations)
        {
            var versions = await VersionsAsync(check, id);
            Assert.That(versions, Does.Contain(version), $"acknowledged version {version} of key {id}");
        }

        var tokens = (await check.GetAsync("/kms/token?limit=1000").Ensure(HttpStatusCode.OK).ReadNodeAsync()).AsArray();
        foreach (var id in acknowledged.Tokens)
        {
            Assert.That(tokens.Any(t => t!["id"]!.GetValue<string>() == id), Is.True, $"acknowledged token {id}");
        }

        foreach (var id in acknowledged.Revoked)
        {
            var token = tokens.Single(t => t!["id"]!.GetValue<string>() == id)!;
            Assert.That(token["revoked_at"], Is.Not.Null, $"acknowledged revocation of token {id}");
        }

        var stored = (await check.GetAsync("/kms/key?limit=1000").Ensure(HttpStatusCode.OK).ReadNodeAsync()).AsArray();
        Assert.That(stored, Has.Count.GreaterThanOrEqualTo(acknowledged.Keys.Count));
        foreach (var key in stored)
        {
            var id = key!["id"]!.GetValue<string>();
            var primary = key["primary_version"]!.GetValue<int>();
            Assert.That(await VersionsAsync(check, id), Is.EqualTo(Enumerable.Range(1, primary)), $"key {id} has every version up to its primary and no other");
            var encrypted = await check.PostJsonAsync($"/kms/key/{id}/encrypt", new { plaintext_b64 = "AA==" }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
            Assert.That(encrypted["version"]!.GetValue<int>(), Is.EqualTo(primary));
        }

        var verified = await check.GetAsync("/kms/audit/verify").Ensure(HttpStatusCode.OK).ReadNodeAsync();
        Assert.That(verified["ok"]!.GetValue<bool>(), Is.True, "the audit chain survived the kill");
    }

    /// <summary>SQLite: the README's defaults in the working directory. PostgreSQL: its database and a root key of the test's (no file to keep one beside).</summary>
    private static Dictionary<string, string?> Environment(TestDatabase database) => database.Provider == TestDatabase.Sqlite
        ? []
        : new Dictionary<string, string?>
        {
            ["Kms__Database__Provider"] = database.Provider,
            ["ConnectionStrings__Kms"] = database.ConnectionString,
            ["Kms__RootKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        };

    private static async Task WriteUntilKilledAsync(HttpClient client, Acknowledged acknowledged, int worker, CancellationToken stop)
    {
        var random = new Random(worker);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                switch (random.Next(4))
                {
                    case 0:
                        await CreateKeyAsync(client, acknowledged);
                        break;
                    case 1:
                        await RotateAsync(client, acknowledged, random);
                        break;
                    case 2:
                        await IssueTokenAsync(client, acknowledged);
                        break;
                    default:
                        await RevokeTokenAsync(client, acknowledged, random);
                        break;
                }
            }
            catch (HttpRequestException)
            {
                // The kill cut the connection: this write was not acknowledged.
            }
            catch (TaskCanceledException)
            {
            }
        }
    }

    private static async Task CreateKeyAsync(HttpClient client, Acknowledged acknowledged)
    {
        var name = $"durable-{Guid.NewGuid():N}";
        var response = await client.PostJsonAsync("/kms/key", new { name, algorithm = "AES256_GCM" });
        if (response.StatusCode == HttpStatusCode.Created)
        {
            acknowledged.Keys.Add(((await response.ReadNodeAsync())["id"]!.GetValue<string>(), name));
        }
    }

    private static async Task RotateAsync(HttpClient client, Acknowledged acknowledged, Random random)
    {
        var keys = acknowledged.Keys.ToArray();
        var (id, _) = keys[random.Next(keys.Length)];
        // POST /kms/key_version rotates and answers the new version (the rotate route answers no body).
        var response = await client.PostJsonAsync("/kms/key_version", new { key_id = id });
        if (response.StatusCode == HttpStatusCode.Created)
        {
            acknowledged.Rotations.Add((id, (await response.ReadNodeAsync())["version"]!.GetValue<int>()));
        }
    }

    private static async Task IssueTokenAsync(HttpClient client, Acknowledged acknowledged)
    {
        var response = await client.PostJsonAsync("/kms/token", new { name = $"durable-{Guid.NewGuid():N}", scopes = new[] { "kms.encrypt" } });
        if (response.StatusCode == HttpStatusCode.Created)
        {
            acknowledged.Tokens.Add((await response.ReadNodeAsync())["id"]!.GetValue<string>());
        }
    }

    private static async Task RevokeTokenAsync(HttpClient client, Acknowledged acknowledged, Random random)
    {
        var tokens = acknowledged.Tokens.Except(acknowledged.Revoked).ToArray();
        if (tokens.Length == 0)
        {
            return;
        }

        var id = tokens[random.Next(tokens.Length)];
        var response = await client.DeleteAsync($"/kms/token/{id}");
        if (response.StatusCode == HttpStatusCode.OK)
        {
            acknowledged.Revoked.Add(id);
        }
    }

    private static async Task<int[]> VersionsAsync(HttpClient client, string keyId)
    {
        var versions = await client.GetAsync($"/kms/key_version?key_id={keyId}&limit=1000").Ensure(HttpStatusCode.OK).ReadNodeAsync();
        return [.. versions.AsArray().Select(v => v!["version"]!.GetValue<int>()).Order()];
    }

    private sealed class Acknowledged
    {
        public ConcurrentBag<(string Id, string Name)> Keys { get; } = [];

        public ConcurrentBag<(string Id, int Version)> Rotations { get; } = [];

        public ConcurrentBag<string> Tokens { get; } = [];

        public ConcurrentBag<string> Revoked { get; } = [];
    }
}
