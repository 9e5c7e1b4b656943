using System.Net;
using System.Text.Json.Nodes;
using AutoKms.IntegrationTests.Support;

namespace AutoKms.IntegrationTests.Http;

public sealed class KeyRoutesTests : ApiTestBase
{
    [Test]
    public async Task CreateKey_WithCapitalisedSeedPath_Returns201KeyWithLocation()
    {
        var name = UniqueName();
        var response = await Client.PostJsonAsync("/kms/Key", new { name, algorithm = "AES256_GCM" });
        var key = await response.ReadNodeAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(key["name"]!.GetValue<string>(), Is.EqualTo(name));
        Assert.That(key["algorithm"]!.GetValue<string>(), Is.EqualTo("AES256_GCM"));
        Assert.That(key["status"]!.GetValue<string>(), Is.EqualTo("enabled"));
        Assert.That(key["primary_version"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(Guid.TryParse(key["id"]!.GetValue<string>(), out _), Is.True);
        Assert.That(key.AsObject().ContainsKey("versions"), Is.False);
        Assert.That(response.Headers.Location!.ToString(), Does.EndWith($"/kms/key/{key["id"]}").IgnoreCase);
    }

    [TestCase("CHACHA20_POLY1305")]
    [TestCase("RSA2048")]
    [TestCase("RSA3072")]
    public async Task CreateKey_WithEachContractAlgorithm_Returns201(string algorithm)
    {
        var key = await CreateKeyAsync(algorithm);

        Assert.That(key["algorithm"]!.GetValue<string>(), Is.EqualTo(algorithm));
    }

    [Test]
    public async Task CreateKey_WithArray_CreatesAllAtomically()
    {
        var names = new[] { UniqueName(), UniqueName() };
        var response = await Client.PostJsonAsync("/kms/key", names.Select(n => new { name = n, algorithm = "AES256_GCM" }).ToArray());
        var keys = (await response.ReadNodeAsync()).AsArray();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(keys.Select(k => k!["name"]!.GetValue<string>()), Is.EqualTo(names));
    }

    [Test]
    public async Task CreateKey_WithArrayContainingTakenName_Returns409AndCreatesNone()
    {
        var taken = (await CreateKeyAsync())["name"]!.GetValue<string>();
        var fresh = UniqueName();

        var response = await Client.PostJsonAsync("/kms/key", new[] { new { name = fresh, algorithm = "AES256_GCM" }, new { name = taken, algorithm = "AES256_GCM" } });

        await AssertProblem(response, HttpStatusCode.Conflict, "already exists");
        var listed = (await Client.GetAsync($"/kms/key?name={fresh}").ReadNodeAsync()).AsArray();
        Assert.That(listed, Is.Empty);
    }

    [Test]
    public async Task CreateKey_WithTakenName_Returns409()
    {
        var name = (await CreateKeyAsync())["name"]!.GetValue<string>();

        var response = await Client.PostJsonAsync("/kms/key", new { name, algorithm = "AES256_GCM" });

        await AssertProblem(response, HttpStatusCode.Conflict, $"A key named '{name}' already exists");
    }

    [TestCase("""{"algorithm":"AES256_GCM"}""", "name")]
    [TestCase("""{"name":"","algorithm":"AES256_GCM"}""", "name")]
    [TestCase("""{"name":"x","algorithm":"DES"}""", "algorithm")]
    [TestCase("""{"name":"x"}""", "algorithm")]
    [TestCase("""{"name":123,"algorithm":"AES256_GCM"}""", "name")]
    [TestCase("""{"name":"x","algorithm":"AES256_GCM","usage":"sign_verify"}""", "usage")]
    [TestCase("""{"name":"bad\u0000name","algorithm":"AES256_GCM"}""", "name")]
    [TestCase("""{"name":null,"algorithm":"AES256_GCM"}""", "name")]
    [TestCase("""[{"name":"x","algorithm":"AES256_GCM"},{"name":"x","algorithm":"AES256_GCM"}]""", "keys")]
    public async Task CreateKey_WithMalformedFields_Returns422NamingTheField(string body, string field)
    {
        var response = await Client.PostAsync("/kms/key", Json.Raw(body));

        await AssertProblem(response, (HttpStatusCode)422);
        var problem = await response.ReadNodeAsync();
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Has.Some.Contains(field));
    }

    [Test]
    public async Task CreateKey_WithNameOver120Characters_Returns422()
    {
        var response = await Client.PostJsonAsync("/kms/key", new { name = new string('n', 121), algorithm = "AES256_GCM" });

        await AssertProblem(response, (HttpStatusCode)422, "120");
    }

    [TestCase("{\"name\":")]
    [TestCase("not json")]
    [TestCase("\"just a string\"")]
    public async Task CreateKey_WithBodyThatIsNotAJsonObject_Returns400(string body)
    {
        var response = await Client.PostAsync("/kms/key", Json.Raw(body));

        await AssertProblem(response, HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task CreateKey_WithNonJsonContentType_Returns415()
    {
        var response = await Client.PostAsync("/kms/key", Json.Raw("name=x", "application/x-www-form-urlencoded"));

        await AssertProblem(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Test]
    public async Task CreateKey_WithBodyOverOneMebibyte_Returns413()
    {
        var response = await Client.PostAsync("/kms/key", Json.Raw($"{{\"name\":\"{new string('a', (1024 * 1024) + 10)}\",\"algorithm\":\"AES256_GCM\"}}"));

        await AssertProblem(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Test]
    public async Task GetKey_WhenKeyExists_Returns200Key()
    {
        var created = await CreateKeyAsync();

        var key = await Client.GetAsync($"/kms/key/{created["id"]}").Ensure(HttpStatusCode.OK).ReadNodeAsync();

        Assert.That(key["name"]!.GetValue<string>(), Is.EqualTo(created["name"]!.GetValue<string>()));
    }

    [Test]
    public async Task GetKey_WhenUnknown_Returns404KeyNotFound()
    {
        var response = await Client.GetAsync($"/kms/key/{Guid.NewGuid()}");

        await AssertProblem(response, HttpStatusCode.NotFound, "Key not found");
    }

    [Test]
    public async Task GetKey_WithIdThatIsNotAUuid_Returns422InvalidUuid()
    {
        var response = await Client.GetAsync("/kms/key/not-a-uuid");

        await AssertProblem(response, (HttpStatusCode)422, "Invalid UUID for key id");
    }

    [Test]
    public async Task ListKeys_WithNameAndStatusFiltersAndPaging_ReturnsMatchingKeys()
    {
        var first = await CreateKeyAsync();
        var second = await CreateKeyAsync();
        await Client.PatchJsonAsync($"/kms/key/{second["id"]}", new { status = "disabled" }).Ensure(HttpStatusCode.OK);

        var byName = (await Client.GetAsync($"/kms/key?name={first["name"]}").ReadNodeAsync()).AsArray();
        var disabled = (await Client.GetAsync("/kms/key?status=disabled&limit=1000").ReadNodeAsync()).AsArray();
        var page = (await Client.GetAsync("/kms/key?limit=1&offset=0").ReadNodeAsync()).AsArray();

        Assert.That(byName.Select(k => k!["id"]!.GetValue<string>()), Is.EqualTo(new[] { first["id"]!.GetValue<string>() }));
        Assert.That(disabled.Select(k => k!["id"]!.GetValue<string>()), Does.Contain(second["id"]!.GetValue<string>()));
        Assert.That(disabled.Select(k => k!["status"]!.GetValue<string>()), Is.All.EqualTo("disabled"));
        Assert.That(page, Has.Count.EqualTo(1));
    }

    [TestCase("limit=0")]
    [TestCase("limit=abc")]
    [TestCase("offset=-1")]
    [TestCase("status=sleeping")]
    public async Task ListKeys_WithBadQuery_Returns422(string query)
    {
        var response = await Client.GetAsync($"/kms/key?{query}");

        await AssertProblem(response, (HttpStatusCode)422);
    }

    [Test]
    public async Task PatchKey_WithNameAndStatus_ChangesOnlyThoseFields()
    {
        var key = await CreateKeyAsync();
        var newName = UniqueName("renamed");

        var renamed = await Client.PatchJsonAsync($"/kms/key/{key["id"]}", new { name = newName }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        var disabled = await Client.PatchJsonAsync($"/kms/key/{key["id"]}", new { status = "disabled" }).Ensure(HttpStatusCode.OK).ReadNodeAsync();

        Assert.That(renamed["name"]!.GetValue<string>(), Is.EqualTo(newName));
        Assert.That(renamed["status"]!.GetValue<string>(), Is.EqualTo("enabled"));
        Assert.That(disabled["name"]!.GetValue<string>(), Is.EqualTo(newName));
        Assert.That(disabled["status"]!.GetValue<string>(), Is.EqualTo("disabled"));
    }

    [Test]
    public async Task PatchKey_ToANameAnotherKeyHolds_Returns409AndChangesNothing()
    {
        var key = await CreateKeyAsync();
        var other = await CreateKeyAsync();

        var response = await Client.PatchJsonAsync($"/kms/key/{key["id"]}", new { name = other["name"]!.GetValue<string>() });

        await AssertProblem(response, HttpStatusCode.Conflict);
        var unchanged = await Client.GetAsync($"/kms/key/{key["id"]}").ReadNodeAsync();
        Assert.That(unchanged["name"]!.GetValue<string>(), Is.EqualTo(key["name"]!.GetValue<string>()));
    }

    [Test]
    public async Task PatchKey_WithUnknownStatus_Returns422()
    {
        var key = await CreateKeyAsync();

        var response = await Client.PatchJsonAsync($"/kms/key/{key["id"]}", new { status = "paused" });

        await AssertProblem(response, (HttpStatusCode)422, "status");
    }

    [Test]
    public async Task PatchKey_WhenUnknown_Returns404()
    {
        var response = await Client.PatchJsonAsync($"/kms/key/{Guid.NewGuid()}", new { status = "disabled" });

        await AssertProblem(response, HttpStatusCode.NotFound, "Key not found");
    }

    [Test]
    public async Task PutKey_WithNameAndStatus_ReplacesBoth()
    {
        var key = await CreateKeyAsync();
        var name = UniqueName("put");

        var replaced = await Client.PutJsonAsync($"/kms/key/{key["id"]}", new { name, status = "disabled" }).Ensure(HttpStatusCode.OK).ReadNodeAsync();

        Assert.That(replaced["name"]!.GetValue<string>(), Is.EqualTo(name));
        Assert.That(replaced["status"]!.GetValue<string>(), Is.EqualTo("disabled"));
    }

    [Test]
    public async Task PutKey_WithoutStatus_Returns422()
    {
        var key = await CreateKeyAsync();

        var response = await Client.PutJsonAsync($"/kms/key/{key["id"]}", new { name = UniqueName() });

        await AssertProblem(response, (HttpStatusCode)422, "status");
    }

    [Test]
    public async Task DeleteKey_ThenGet_Returns200Deleted1ThenGet404()
    {
        var key = await CreateKeyAsync();

        var deleted = await Client.DeleteAsync($"/kms/key/{key["id"]}").Ensure(HttpStatusCode.OK).ReadNodeAsync();
        var after = await Client.GetAsync($"/kms/key/{key["id"]}");

        Assert.That(deleted.ToJsonString(), Is.EqualTo("""{"deleted":1}"""));
        await AssertProblem(after, HttpStatusCode.NotFound, "Key not found");
    }

    [Test]
    public async Task DeleteKey_WhenUnknown_Returns404()
    {
        await AssertProblem(await Client.DeleteAsync($"/kms/key/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task BulkPatch_WithIds_UpdatesEveryKey()
    {
        var a = await CreateKeyAsync();
        var b = await CreateKeyAsync();

        var updated = (await Client.PatchJsonAsync("/kms/key", new[] { new { id = a["id"]!.GetValue<string>(), status = "disabled" }, new { id = b["id"]!.GetValue<string>(), status = "disabled" } })
            .Ensure(HttpStatusCode.OK).ReadNodeAsync()).AsArray();

        Assert.That(updated.Select(k => k!["status"]!.GetValue<string>()), Is.All.EqualTo("disabled"));
    }

    [Test]
    public async Task BulkPatch_WithOneUnknownId_Returns404AndChangesNothing()
    {
        var a = await CreateKeyAsync();

        var response = await Client.PatchJsonAsync("/kms/key", new[] { new { id = a["id"]!.GetValue<string>(), status = "disabled" }, new { id = Guid.NewGuid().ToString(), status = "disabled" } });

        await AssertProblem(response, HttpStatusCode.NotFound);
        var unchanged = await Client.GetAsync($"/kms/key/{a["id"]}").ReadNodeAsync();
        Assert.That(unchanged["status"]!.GetValue<string>(), Is.EqualTo("enabled"));
    }

    [Test]
    public async Task BulkPatch_WithoutIds_Returns422()
    {
        var response = await Client.PatchJsonAsync("/kms/key", new[] { new { status = "disabled" } });

        await AssertProblem(response, (HttpStatusCode)422, "'id' is required in each item");
    }

    [Test]
    public async Task BulkPut_ReplacesEveryKey()
    {
        var a = await CreateKeyAsync();
        var name = UniqueName("bulk-put");

        var updated = (await Client.PutJsonAsync("/kms/key", new[] { new { id = a["id"]!.GetValue<string>(), name, status = "disabled" } })
            .Ensure(HttpStatusCode.OK).ReadNodeAsync()).AsArray();

        Assert.That(updated.Single()!["name"]!.GetValue<string>(), Is.EqualTo(name));
        Assert.That(updated.Single()!["status"]!.GetValue<string>(), Is.EqualTo("disabled"));
    }

    [Test]
    public async Task BulkDelete_WithIds_DeletesAllAndAnswersCount()
    {
        var a = await CreateKeyAsync();
        var b = await CreateKeyAsync();

        var deleted = await Client.DeleteJsonAsync("/kms/key", new { ids = new[] { a["id"]!.GetValue<string>(), b["id"]!.GetValue<string>() } })
            .Ensure(HttpStatusCode.OK).ReadNodeAsync();

        Assert.That(deleted["deleted"]!.GetValue<int>(), Is.EqualTo(2));
        await AssertProblem(await Client.GetAsync($"/kms/key/{a["id"]}"), HttpStatusCode.NotFound);
        await AssertProblem(await Client.GetAsync($"/kms/key/{b["id"]}"), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task BulkDelete_WithOneUnknownId_Returns404AndDeletesNothing()
    {
        var a = await CreateKeyAsync();

        var response = await Client.DeleteJsonAsync("/kms/key", new { ids = new[] { a["id"]!.GetValue<string>(), Guid.NewGuid().ToString() } });

        await AssertProblem(response, HttpStatusCode.NotFound);
        await Client.GetAsync($"/kms/key/{a["id"]}").Ensure(HttpStatusCode.OK);
    }

    [Test]
    public async Task BulkDelete_WithMalformedId_Returns422()
    {
        var response = await Client.DeleteJsonAsync("/kms/key", new { ids = new[] { "nope" } });

        await AssertProblem(response, (HttpStatusCode)422, "'ids[0]' must be a UUID");
    }

    [Test]
    public async Task RotateKey_Returns201EmptyBody_AndPrimaryVersionGoesUpByOne()
    {
        var key = await CreateKeyAsync();

        var response = await Client.PostAsync($"/kms/key/{key["id"]}/rotate", null);
        var after = await Client.GetAsync($"/kms/key/{key["id"]}").ReadNodeAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.Empty);
        Assert.That(after["primary_version"]!.GetValue<int>(), Is.EqualTo(2));
    }

    [Test]
    public async Task RotateKey_WhenUnknown_Returns404()
    {
        await AssertProblem(await Client.PostAsync($"/kms/key/{Guid.NewGuid()}/rotate", null), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task RotateKey_WithIdThatIsNotAUuid_Returns422()
    {
        await AssertProblem(await Client.PostAsync("/kms/key/123/rotate", null), (HttpStatusCode)422, "Invalid UUID for key id");
    }
}
