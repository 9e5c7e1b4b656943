using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using AutoKms.IntegrationTests.Support;

namespace AutoKms.IntegrationTests.Security;

/// <summary>Per-caller rate limits by class of operation, bounded key generation, and caps per request.</summary>
public sealed class LimitsTests
{
    [Test]
    public async Task KeyWrites_OverTheConfiguredRate_Answer429WithRetryAfter_WhileEncryptIsNotLimited()
    {
        using var factory = new KmsApiFactory(settings: new Dictionary<string, string?>
        {
            ["Kms:RateLimits:KeyWrites:PermitsPerSecond"] = "1",
            ["Kms:RateLimits:KeyWrites:Burst"] = "2",
        });
        using var client = factory.CreateClient();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add(await client.PostJsonAsync("/kms/key", new { name = $"limited-{i}-{Guid.NewGuid():N}", algorithm = "AES256_GCM" }));
        }

        var id = (await answers[0].ReadNodeAsync())["id"]!.GetValue<string>();
        for (var i = 0; i < 20; i++)
        {
            await client.PostJsonAsync($"/kms/key/{id}/encrypt", new { plaintext_b64 = "aGk=" }).Ensure(HttpStatusCode.OK);
        }

        Assert.That(answers.Take(2).Select(a => a.StatusCode), Is.All.EqualTo(HttpStatusCode.Created));
        await ApiTestBase.AssertProblemAsync(answers[2], HttpStatusCode.TooManyRequests, "retry after");
        Assert.That(int.Parse(answers[2].Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public async Task JsonRpc_CountsEachCallAgainstItsClass()
    {
        using var factory = new KmsApiFactory(settings: new Dictionary<string, string?>
        {
            ["Kms:RateLimits:KeyWrites:PermitsPerSecond"] = "1",
            ["Kms:RateLimits:KeyWrites:Burst"] = "2",
        });
        using var client = factory.CreateClient();
        var calls = new JsonArray();
        for (var i = 0; i < 3; i++)
        {
            calls.Add(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "Key.create", ["params"] = new JsonObject { ["name"] = $"rpc-{i}-{Guid.NewGuid():N}", ["algorithm"] = "AES256_GCM" }, ["id"] = i });
        }

        var answers = (await client.PostAsync("/kms/rpc", Json.Raw(calls.ToJsonString())).Ensure(HttpStatusCode.OK).ReadNodeAsync()).AsArray();

        Assert.That(answers[0]!["result"], Is.Not.Null);
        Assert.That(answers[1]!["result"], Is.Not.Null);
        Assert.That(answers[2]!["error"]!["code"]!.GetValue<int>(), Is.EqualTo(-32029));
        Assert.That(answers[2]!["error"]!["data"]!["status"]!.GetValue<int>(), Is.EqualTo(429));
    }

    [Test]
    public async Task OneRequest_CreatesAtMostTheConfiguredNumberOfAsymmetricKeys_RestArrayAndRpcBatchAlike()
    {
        using var factory = new KmsApiFactory(settings: new Dictionary<string, string?> { ["Kms:Limits:MaxAsymmetricKeysPerRequest"] = "2" });
        using var client = factory.CreateClient();
        var three = Enumerable.Range(0, 3).Select(i => new { name = $"ec-{i}-{Guid.NewGuid():N}", algorithm = "EC_P256", usage = "sign_verify" }).ToArray();
        var calls = new JsonArray();
        foreach (var key in three)
        {
            calls.Add(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "Key.create", ["params"] = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(key)), ["id"] = key.name });
        }

        var rest = await client.PostJsonAsync("/kms/key", three);
        var rpc = (await client.PostAsync("/kms/rpc", Json.Raw(calls.ToJsonString())).Ensure(HttpStatusCode.OK).ReadNodeAsync()).AsArray();

        await ApiTestBase.AssertProblemAsync(rest, HttpStatusCode.BadRequest, "at most 2 RSA or EC keys");
        Assert.That(rpc.Count(a => a!["result"] is not null), Is.EqualTo(2));
        Assert.That(rpc[2]!["error"]!["message"]!.GetValue<string>(), Does.Contain("at most 2 RSA or EC keys"));
    }

    [Test]
    public async Task AFloodOfRsa3072Creations_IsBounded_AndEncryptStaysResponsiveBesideIt()
    {
        using var factory = new KmsApiFactory(settings: new Dictionary<string, string?> { ["Kms:Limits:KeyGenerationConcurrency"] = "1" });
        using var client = factory.CreateClient();
        var aes = (await client.PostJsonAsync("/kms/key", new { name = $"aes-{Guid.NewGuid():N}", algorithm = "AES256_GCM" }).Ensure(HttpStatusCode.Created).ReadNodeAsync())["id"]!.GetValue<string>();
        await client.PostJsonAsync($"/kms/key/{aes}/encrypt", new { plaintext_b64 = "aGk=" }).Ensure(HttpStatusCode.OK);

        var flood = Enumerable.Range(0, 6)
            .Select(i => client.PostJsonAsync("/kms/key", new { name = $"rsa-{i}-{Guid.NewGuid():N}", algorithm = "RSA3072" }))
            .ToList();
        var latencies = new List<double>();
        var deadline = Stopwatch.GetTimestamp() + (60 * Stopwatch.Frequency);
        while ((!flood.All(f => f.IsCompleted) || latencies.Count < 20) && Stopwatch.GetTimestamp() < deadline)
        {
            var started = Stopwatch.GetTimestamp();
            await client.PostJsonAsync($"/kms/key/{aes}/encrypt", new { plaintext_b64 = "aGk=" }).Ensure(HttpStatusCode.OK);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var created = await Task.WhenAll(flood);
        latencies.Sort();
        var median = latencies[latencies.Count / 2];
        TestContext.Out.WriteLine($"{latencies.Count} encrypts beside the flood: median {median:F1} ms, max {latencies[^1]:F1} ms");

        Assert.That(created.Select(c => c.StatusCode), Is.All.EqualTo(HttpStatusCode.Created));
        Assert.That(median, Is.LessThan(100), "one core stays free for crypto traffic: a generation never holds it");
    }

    [Test]
    public async Task AFloodOfBadTokens_IsLimitedByAddress_BeforeItCanFillTheAuditTrail()
    {
        using var factory = new KmsApiFactory(settings: new Dictionary<string, string?>
        {
            ["Kms:Auth:BootstrapToken"] = "bootstrap-token-for-the-refusal-limit-test",
            ["Kms:RateLimits:Refusals:PermitsPerSecond"] = "1",
            ["Kms:RateLimits:Refusals:Burst"] = "3",
        });
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "akms_junk");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await client.GetAsync("/kms/key")).StatusCode);
        }

        Assert.That(statuses.Take(3), Is.All.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(statuses.Skip(3), Is.All.EqualTo(HttpStatusCode.TooManyRequests));
    }
}
