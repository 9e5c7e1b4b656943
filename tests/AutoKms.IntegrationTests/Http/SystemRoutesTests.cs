using System.Net;
using System.Text.Json.Nodes;
using AutoKms.IntegrationTests.Support;
using Microsoft.Data.Sqlite;

namespace AutoKms.IntegrationTests.Http;

public sealed class SystemRoutesTests : ApiTestBase
{
    [Test]
    public async Task Healthz_WhenDatabaseAnswers_Returns200OkTrue()
    {
        var response = await Client.GetAsync("/system/healthz");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("""{"ok":true}"""));
    }

    [Test]
    public async Task Response_Always_CarriesRequestIdHeader_EchoingASaneIncomingOne()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/system/healthz");
        request.Headers.Add("X-Request-Id", "req-123");

        var response = await Client.SendAsync(request);

        Assert.That(response.Headers.GetValues("X-Request-Id").Single(), Is.EqualTo("req-123"));
    }

    [Test]
    public async Task OpenApi_DocumentsEveryContractRoute_WithUniqueOperationIdsAndErrorResponses()
    {
        var document = await Client.GetAsync("/openapi.json").Ensure(HttpStatusCode.OK).ReadNodeAsync();
        var paths = document["paths"]!.AsObject();

        string[] expected =
        [
            "/system/healthz", "/kms/key", "/kms/key/{id}", "/kms/key/{id}/encrypt", "/kms/key/{id}/decrypt",
            "/kms/key/{id}/wrap", "/kms/key/{id}/unwrap", "/kms/key/{id}/rotate", "/kms/key_version", "/kms/key_version/{id}",
            "/kms/rpc", "/kms/key/{id}/rewrap", "/kms/key/{id}/datakey", "/kms/key/{id}/sign", "/kms/key/{id}/verify",
            "/kms/key/{id}/mac", "/kms/key/{id}/verify_mac", "/kms/key/{id}/public_key", "/kms/random",
            "/kms/deleted_key", "/kms/deleted_key/{id}", "/kms/deleted_key/{id}/recover", "/system/methodz",
            "/kms/key/batch", "/kms/key/{id}/encrypt/batch", "/kms/key/{id}/decrypt/batch", "/kms/key/{id}/rewrap/batch",
        ];
        Assert.That(paths.Select(p => p.Key), Is.SupersetOf(expected));

        var operations = paths.SelectMany(p => p.Value!.AsObject().Select(o => o.Value!)).ToList();
        var ids = operations.Select(o => o["operationId"]?.GetValue<string>()).ToList();
        Assert.That(ids, Has.None.Null);
        Assert.That(ids, Is.Unique);
        var withInput = operations.Where(o => o["operationId"]!.GetValue<string>() != "Call" && (o["requestBody"] is not null || o["parameters"] is not null));
        Assert.That(withInput, Has.All.Matches<JsonNode>(o => o["responses"]!.AsObject().ContainsKey("422")), "every operation with input documents its 422");
        Assert.That(paths["/system/healthz"]!["get"]!["responses"]!.AsObject().Select(r => r.Key), Has.No.Member("422").And.No.Member("400"), "no input, no 400/422");

        var encrypt = paths["/kms/key/{id}/encrypt"]!["post"]!;
        Assert.That(encrypt["responses"]!.AsObject().Select(r => r.Key), Is.SupersetOf(new[] { "200", "400", "403", "404", "413", "422" }));
        Assert.That(document.ToJsonString(), Does.Contain("plaintext_b64"));
        Assert.That(document.ToJsonString(), Does.Contain("\"example\""));
    }

    [Test]
    public async Task ErrorAnswers_CarryTheRequestIdHeaderToo()
    {
        var response = await Client.GetAsync($"/kms/key/{Guid.NewGuid()}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Headers.TryGetValues("X-Request-Id", out var ids), Is.True);
        var problem = await response.ReadNodeAsync();
        Assert.That(problem["request_id"]!.GetValue<string>(), Is.EqualTo(ids!.Single()));
    }

    [Test]
    public async Task Docs_ServesAnInteractivePageOverTheOpenApiDocument()
    {
        var response = await Client.GetAsync("/docs/index.html");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        var config = await Client.GetStringAsync("/docs/index.js");
        Assert.That(config, Does.Contain("/openapi.json"));
    }

    [Test]
    public async Task UnknownRoute_Returns404ProblemDetails()
    {
        var response = await Client.GetAsync("/kms/nothing-here");

        await AssertProblem(response, HttpStatusCode.NotFound);
    }
}

public sealed class HealthWhenDatabaseIsBrokenTests
{
    [Test]
    public async Task Healthz_WhenDatabaseIsUnreadable_Returns503WithError()
    {
        using var factory = new KmsApiFactory();
        using var client = factory.CreateClient();
        await client.GetAsync("/system/healthz").Ensure(HttpStatusCode.OK);

        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(factory.Directory, "kms.db*"))
        {
            File.Delete(file);
        }

        Directory.CreateDirectory(factory.DatabasePath); // a folder where the database file was: nothing can open it

        var response = await client.GetAsync("/system/healthz");
        var body = await response.ReadNodeAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(body["ok"]!.GetValue<bool>(), Is.False);
        Assert.That(body["error"]!.GetValue<string>(), Is.EqualTo("database unavailable"), "the exception text goes to the log only");
        var ready = await client.GetAsync("/system/readyz");
        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That((await ready.ReadNodeAsync())["error"]!.GetValue<string>(), Is.EqualTo("database unavailable"));
    }

    [Test]
    public async Task Readyz_WhenTheDatabaseAndTheRootKeyAnswer_Returns200()
    {
        using var factory = new KmsApiFactory();
        using var client = factory.CreateClient();

        var ready = await client.GetAsync("/system/readyz").Ensure(HttpStatusCode.OK).ReadNodeAsync();

        Assert.That(ready["ok"]!.GetValue<bool>(), Is.True);
    }
}
