using System.Net;
using System.Text.Json.Nodes;
using AutoKms.IntegrationTests.Support;

namespace AutoKms.IntegrationTests.Http;

public sealed class KeyVersionRoutesTests : ApiTestBase
{
    [Test]
    public async Task CreateKeyVersion_Returns201NextVersion_AndMakesItPrimary()
    {
        var key = await CreateKeyAsync();

        var response = await Client.PostJsonAsync("/kms/key_version", new { key_id = key["id"]!.GetValue<string>() });
        var version = await response.ReadNodeAsync();
        var after = await Client.GetAsync($"/kms/key/{key["id"]}").ReadNodeAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(version["version"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(version["key_id"]!.GetValue<string>(), Is.EqualTo(key["id"]!.GetValue<string>()));
        Assert.That(version["status"]!.GetValue<string>(), Is.EqualTo("enabled"));
        Assert.That(after["primary_version"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(version.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "id", "key_id", "version", "status", "created_at" }));
    }

    [Test]
    public async Task CreateKeyVersion_WithUnknownKey_Returns404()
    {
        await AssertProblem(await Client.PostJsonAsync("/kms/key_version", new { key_id = Guid.NewGuid().ToString() }), HttpStatusCode.NotFound, "Key not found");
    }

    [Test]
    public async Task CreateKeyVersion_WithMalformedKeyId_Returns422()
    {
        await AssertProblem(await Client.PostJsonAsync("/kms/key_version", new { key_id = "nope" }), (HttpStatusCode)422, "'key_id' must be a UUID");
    }

    [Test]
    public async Task ListKeyVersions_FilteredByKeyId_ReturnsThatKeysVersionsInOrder_WithoutMaterial()
    {
        var key = await CreateKeyAsync();
        await CreateKeyAsync();
        await Client.PostAsync($"/kms/key/{key["id"]}/rotate", null).Ensure(HttpStatusCode.Created);

        var response = await Client.GetAsync($"/kms/key_version?key_id={key["id"]}");
        var versions = (await response.ReadNodeAsync()).AsArray();

        Assert.That(versions.Select(v => v!["version"]!.GetValue<int>()), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(versions.Select(v => v!["key_id"]!.GetValue<string>()), Is.All.EqualTo(key["id"]!.GetValue<string>()));
        Assert.That(versions.ToJsonString(), Does.Not.Contain("material"));
    }

    [Test]
    public async Task ListKeyVersions_WithMalformedKeyId_Returns422()
    {
        await AssertProblem(await Client.GetAsync("/kms/key_version?key_id=zzz"), (HttpStatusCode)422, "'key_id' must be a UUID");
    }

    [Test]
    public async Task GetKeyVersion_ReturnsIt_AndUnknownReturns404_AndMalformedReturns422()
    {
        var key = await CreateKeyAsync();
        var version = await FirstVersionAsync(key);

        var found = await Client.GetAsync($"/kms/key_version/{version["id"]}").Ensure(HttpStatusCode.OK).ReadNodeAsync();

        Assert.That(found["version"]!.GetValue<int>(), Is.EqualTo(1));
        await AssertProblem(await Client.GetAsync($"/kms/key_version/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "Key version not found");
        await AssertProblem(await Client.GetAsync("/kms/key_version/bad"), (HttpStatusCode)422, "Invalid UUID for key version id");
    }

    [Test]
    public async Task PatchKeyVersion_Disabled_MakesItsCiphertextsAnswer403_UntilReEnabled()
    {
        var key = await CreateKeyAsync();
        var v1 = await FirstVersionAsync(key);
        var encrypted = await Client.PostJsonAsync($"/kms/key/{key["id"]}/encrypt", new { plaintext_b64 = Json.B64("v1 data") }).ReadNodeAsync();
        await Client.PostAsync($"/kms/key/{key["id"]}/rotate", null).Ensure(HttpStatusCode.Created);

        var disabled = await Client.PatchJsonAsync($"/kms/key_version/{v1["id"]}", new { status = "disabled" }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        var refused = await Client.PostJsonAsync($"/kms/key/{key["id"]}/decrypt", DecryptBody(encrypted));
        await Client.PatchJsonAsync($"/kms/key_version/{v1["id"]}", new { status = "enabled" }).Ensure(HttpStatusCode.OK);
        var allowed = await Client.PostJsonAsync($"/kms/key/{key["id"]}/decrypt", DecryptBody(encrypted)).Ensure(HttpStatusCode.OK).ReadNodeAsync();

        Assert.That(disabled["status"]!.GetValue<string>(), Is.EqualTo("disabled"));
        await AssertProblem(refused, HttpStatusCode.Forbidden, "Key version is disabled");
        Assert.That(Json.Text(allowed["plaintext_b64"]), Is.EqualTo("v1 data"));
    }

    [TestCase("disabled")]
    [TestCase("destroyed")]
    public async Task PatchKeyVersion_OnPrimary_Returns409(string status)
    {
        var key = await CreateKeyAsync();
        var v1 = await FirstVersionAsync(key);

        await AssertProblem(await Client.PatchJsonAsync($"/kms/key_version/{v1["id"]}", new { status }), HttpStatusCode.Conflict, "primary version");
    }

    [Test]
    public async Task PatchKeyVersion_WithUnknownStatus_Returns422()
    {
        var key = await CreateKeyAsync();
        var v1 = await FirstVersionAsync(key);

        await AssertProblem(await Client.PatchJsonAsync($"/kms/key_version/{v1["id"]}", new { status = "asleep" }), (HttpStatusCode)422, "status");
    }

    [Test]
    public async Task PatchKeyVersion_WhenUnknown_Returns404()
    {
        await AssertProblem(await Client.PatchJsonAsync($"/kms/key_version/{Guid.NewGuid()}", new { status = "disabled" }), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task DeleteKeyVersion_DestroysMaterial_OldCiphertexts403_NewVersionStillWorks()
    {
        var key = await CreateKeyAsync();
        var v1 = await FirstVersionAsync(key);
        var old = await Client.PostJsonAsync($"/kms/key/{key["id"]}/encrypt", new { plaintext_b64 = Json.B64("old") }).ReadNodeAsync();
        await Client.PostAsync($"/kms/key/{key["id"]}/rotate", null).Ensure(HttpStatusCode.Created);

        var deleted = await Client.DeleteAsync($"/kms/key_version/{v1["id"]}").Ensure(HttpStatusCode.OK).ReadNodeAsync();
        var refused = await Client.PostJsonAsync($"/kms/key/{key["id"]}/decrypt", DecryptBody(old));
        var fresh = await Client.PostJsonAsync($"/kms/key/{key["id"]}/encrypt", new { plaintext_b64 = Json.B64("new") }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        var freshPlain = await Client.PostJsonAsync($"/kms/key/{key["id"]}/decrypt", DecryptBody(fresh)).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        var tombstone = await Client.GetAsync($"/kms/key_version/{v1["id"]}").Ensure(HttpStatusCode.OK).ReadNodeAsync();
        var revive = await Client.PatchJsonAsync($"/kms/key_version/{v1["id"]}", new { status = "enabled" });

        Assert.That(deleted["deleted"]!.GetValue<int>(), Is.EqualTo(1));
        await AssertProblem(refused, HttpStatusCode.Forbidden, "Key version is destroyed");
        Assert.That(Json.Text(freshPlain["plaintext_b64"]), Is.EqualTo("new"));
        Assert.That(tombstone["status"]!.GetValue<string>(), Is.EqualTo("destroyed"));
        await AssertProblem(revive, HttpStatusCode.Conflict, "destroyed");
    }

    [Test]
    public async Task DeleteKeyVersion_OnPrimary_Returns409()
    {
        var key = await CreateKeyAsync();
        var v1 = await FirstVersionAsync(key);

        await AssertProblem(await Client.DeleteAsync($"/kms/key_version/{v1["id"]}"), HttpStatusCode.Conflict);
    }

    [Test]
    public async Task DeleteKeyVersion_WhenUnknown_Returns404()
    {
        await AssertProblem(await Client.DeleteAsync($"/kms/key_version/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }

    private async Task<JsonNode> FirstVersionAsync(JsonNode key) =>
        (await Client.GetAsync($"/kms/key_version?key_id={key["id"]}").ReadNodeAsync()).AsArray().First(v => v!["version"]!.GetValue<int>() == 1)!;

    private static object DecryptBody(JsonNode encrypted) => new
    {
        ciphertext_b64 = encrypted["ciphertext_b64"]!.GetValue<string>(),
        nonce_b64 = encrypted["nonce_b64"]!.GetValue<string>(),
        tag_b64 = encrypted["tag_b64"]!.GetValue<string>(),
        version = encrypted["version"]!.GetValue<int>(),
    };
}
