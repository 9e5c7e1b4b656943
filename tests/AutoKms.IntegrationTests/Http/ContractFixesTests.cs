using System.Net;
using System.Text.Json.Nodes;
using AutoKms.IntegrationTests.Support;

namespace AutoKms.IntegrationTests.Http;

/// <summary>Departures from the original contract found by its own tests, and the pass-back rules for answers.</summary>
public sealed class ContractFixesTests : ApiTestBase
{
    [TestCase("AES256_GCM")]
    [TestCase("RSA2048")]
    public async Task WrapOfEmptyKeyMaterial_Returns200_AndUnwrapsBackToEmpty(string algorithm)
    {
        var key = await CreateKeyAsync(algorithm);

        var wrapped = await Client.PostJsonAsync($"/kms/key/{key["id"]}/wrap", new { key_material_b64 = "" }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        var unwrapped = await Client.PostJsonAsync($"/kms/key/{key["id"]}/unwrap", new { ciphertext = wrapped["ciphertext"]!.GetValue<string>() }).Ensure(HttpStatusCode.OK).ReadNodeAsync();

        Assert.That(unwrapped["key_material_b64"]!.GetValue<string>(), Is.EqualTo(string.Empty));
    }

    [TestCase("akms:v01:{0}", "akms:v<version>")]
    [TestCase(" {1}", "akms:v<version>")]
    [TestCase("{1} ", "Invalid base64 encoding for ciphertext")]
    [TestCase("{2}", "Invalid base64 encoding for ciphertext")]
    public async Task SelfDescribingCiphertext_HasOneSpelling_OthersAnswer400(string template, string detail)
    {
        var key = await CreateKeyAsync();
        var encrypted = await Client.PostJsonAsync($"/kms/key/{key["id"]}/encrypt", new { plaintext_b64 = Json.B64("x") }).ReadNodeAsync();
        var canonical = encrypted["ciphertext"]!.GetValue<string>();
        var payload = canonical["akms:v1:".Length..];
        var unpadded = canonical.TrimEnd('=');
        Assert.That(unpadded, Is.Not.EqualTo(canonical), "29 packed bytes always need one '=' of padding");

        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, payload, canonical, unpadded);

        var response = await Client.PostJsonAsync($"/kms/key/{key["id"]}/decrypt", new { ciphertext = text });

        await AssertProblem(response, HttpStatusCode.BadRequest, detail);
        await Client.PostJsonAsync($"/kms/key/{key["id"]}/decrypt", new { ciphertext = canonical }).Ensure(HttpStatusCode.OK);
    }

    [TestCase(15, 422)]
    [TestCase(16, 200)]
    public async Task DataKey_IsAtLeast16Bytes(int bytes, int status)
    {
        var key = await CreateKeyAsync();

        var response = await Client.PostJsonAsync($"/kms/key/{key["id"]}/datakey", new { bytes });

        Assert.That((int)response.StatusCode, Is.EqualTo(status), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Random_WithoutBytes_SaysBytesIsRequired()
    {
        await AssertProblem(await Client.PostAsync("/kms/random", Json.Raw("{}")), (HttpStatusCode)422, "'bytes' is required");
    }

    [Test]
    public async Task Decrypt_TakesTheWholeEncryptAnswerBack_AndRewrapToo()
    {
        var key = await CreateKeyAsync();
        var encrypted = await Client.PostJsonAsync($"/kms/key/{key["id"]}/encrypt", new { plaintext_b64 = Json.B64("whole"), aad_b64 = Json.B64("ctx") }).ReadNodeAsync();

        var decrypted = await Client.PostAsync($"/kms/key/{key["id"]}/decrypt", Json.Raw(encrypted.ToJsonString())).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        await Client.PostAsync($"/kms/key/{key["id"]}/rewrap", Json.Raw(encrypted.ToJsonString())).Ensure(HttpStatusCode.OK);

        Assert.That(Json.Text(decrypted["plaintext_b64"]), Is.EqualTo("whole"));
    }

    [Test]
    public async Task Unwrap_TakesTheWholeWrapAnswerBack()
    {
        var key = await CreateKeyAsync("CHACHA20_POLY1305");
        var wrapped = await Client.PostJsonAsync($"/kms/key/{key["id"]}/wrap", new { key_material_b64 = Json.B64("dek") }).ReadNodeAsync();

        var unwrapped = await Client.PostAsync($"/kms/key/{key["id"]}/unwrap", Json.Raw(wrapped.ToJsonString())).Ensure(HttpStatusCode.OK).ReadNodeAsync();

        Assert.That(Json.Text(unwrapped["key_material_b64"]), Is.EqualTo("dek"));
    }

    [Test]
    public async Task Decrypt_WithAnAnswerOfAnotherKey_Returns422NamingKid_AndAlg()
    {
        var key = await CreateKeyAsync();
        var other = await CreateKeyAsync();
        var encrypted = (await Client.PostJsonAsync($"/kms/key/{other["id"]}/encrypt", new { plaintext_b64 = Json.B64("x") }).ReadNodeAsync()).AsObject();

        var response = await Client.PostAsync($"/kms/key/{key["id"]}/decrypt", Json.Raw(encrypted.ToJsonString()));
        encrypted["kid"] = key["id"]!.GetValue<string>();
        encrypted["alg"] = "CHACHA20_POLY1305";
        var wrongAlg = await Client.PostAsync($"/kms/key/{key["id"]}/decrypt", Json.Raw(encrypted.ToJsonString()));

        await AssertProblem(response, (HttpStatusCode)422, "'kid' names another key");
        await AssertProblem(wrongAlg, (HttpStatusCode)422, "'alg' is CHACHA20_POLY1305");
    }

    [Test]
    public async Task UnsupportedOperation_SaysAnBeforeAes()
    {
        var key = await CreateKeyAsync();

        var response = await Client.PostJsonAsync($"/kms/key/{key["id"]}/sign", new { message_b64 = "aA==" });

        await AssertProblem(response, HttpStatusCode.BadRequest, "is an AES256_GCM key");
    }

    [Test]
    public async Task PutOfAKey_AcceptsWhatGetAnswered_AndRefusesAChangedReadOnlyField()
    {
        var key = (await CreateKeyAsync()).AsObject();

        key["status"] = "disabled";
        var replaced = await Client.PutAsync($"/kms/key/{key["id"]}", Json.Raw(key.ToJsonString())).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        key["status"] = "enabled";
        key["algorithm"] = "CHACHA20_POLY1305";
        var refused = await Client.PutAsync($"/kms/key/{key["id"]}", Json.Raw(key.ToJsonString()));

        Assert.That(replaced["status"]!.GetValue<string>(), Is.EqualTo("disabled"));
        await AssertProblem(refused, (HttpStatusCode)422, "'algorithm' is read-only");
        var stored = await Client.GetAsync($"/kms/key/{key["id"]}").ReadNodeAsync();
        Assert.That(stored["status"]!.GetValue<string>(), Is.EqualTo("disabled"), "a refused PUT changes nothing");
    }

    [Test]
    public async Task PatchOfAKey_WithTheIdOfAnotherKey_Returns422()
    {
        var key = await CreateKeyAsync();

        var response = await Client.PatchJsonAsync($"/kms/key/{key["id"]}", new { id = Guid.NewGuid(), status = "disabled" });

        await AssertProblem(response, (HttpStatusCode)422, "'id' is read-only");
    }

    [Test]
    public async Task KeyVersion_PutAndPatch_AcceptWhatGetAnswered_AndTheOriginalsActive()
    {
        var key = await CreateKeyAsync();
        await Client.PostAsync($"/kms/key/{key["id"]}/rotate", null).Ensure(HttpStatusCode.Created);
        var v1 = (await Client.GetAsync($"/kms/key_version?key_id={key["id"]}").ReadNodeAsync()).AsArray()[0]!.AsObject();

        v1["status"] = "disabled";
        var disabled = await Client.PutAsync($"/kms/key_version/{v1["id"]}", Json.Raw(v1.ToJsonString())).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        var active = await Client.PatchJsonAsync($"/kms/key_version/{v1["id"]}", new { status = "active" }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        v1["version"] = 7;
        var refused = await Client.PutAsync($"/kms/key_version/{v1["id"]}", Json.Raw(v1.ToJsonString()));

        Assert.That(disabled["status"]!.GetValue<string>(), Is.EqualTo("disabled"));
        Assert.That(active["status"]!.GetValue<string>(), Is.EqualTo("enabled"));
        await AssertProblem(refused, (HttpStatusCode)422, "'version' is read-only");
    }

    [Test]
    public async Task KeyVersion_CreatedWithTheOriginalsStatusActive_IsAccepted_ButDisabledIsNot()
    {
        var key = await CreateKeyAsync();

        var created = await Client.PostJsonAsync("/kms/key_version", new { key_id = key["id"]!.GetValue<string>(), status = "active" }).Ensure(HttpStatusCode.Created).ReadNodeAsync();
        var refused = await Client.PostJsonAsync("/kms/key_version", new { key_id = key["id"]!.GetValue<string>(), status = "disabled" });

        Assert.That(created["status"]!.GetValue<string>(), Is.EqualTo("enabled"));
        await AssertProblem(refused, (HttpStatusCode)422, "'status' of a new version");
    }

    [Test]
    public async Task KeyVersion_BulkPatchPutAndDelete_ApplyAllOrNothing()
    {
        var key = await CreateKeyAsync();
        await Client.PostAsync($"/kms/key/{key["id"]}/rotate", null).Ensure(HttpStatusCode.Created);
        await Client.PostAsync($"/kms/key/{key["id"]}/rotate", null).Ensure(HttpStatusCode.Created);
        var versions = (await Client.GetAsync($"/kms/key_version?key_id={key["id"]}").ReadNodeAsync()).AsArray();
        var v1 = versions[0]!["id"]!.GetValue<string>();
        var v2 = versions[1]!["id"]!.GetValue<string>();
        var v3 = versions[2]!["id"]!.GetValue<string>();

        var patched = (await Client.PatchJsonAsync("/kms/key_version", new[] { new { id = v1, status = "disabled" }, new { id = v2, status = "disabled" } }).Ensure(HttpStatusCode.OK).ReadNodeAsync()).AsArray();
        var put = (await Client.PutJsonAsync("/kms/key_version", new[] { new { id = v2, status = "enabled" } }).Ensure(HttpStatusCode.OK).ReadNodeAsync()).AsArray();
        var refused = await Client.DeleteJsonAsync("/kms/key_version", new { ids = new[] { v1, v3 } });
        var deleted = await Client.DeleteJsonAsync("/kms/key_version", new { ids = new[] { v1 } }).Ensure(HttpStatusCode.OK).ReadNodeAsync();

        Assert.That(patched.Select(v => v!["status"]!.GetValue<string>()), Is.All.EqualTo("disabled"));
        Assert.That(put.Single()!["status"]!.GetValue<string>(), Is.EqualTo("enabled"));
        await AssertProblem(refused, HttpStatusCode.Conflict, "primary version");
        Assert.That(deleted["deleted"]!.GetValue<int>(), Is.EqualTo(1));
        var after = (await Client.GetAsync($"/kms/key_version?key_id={key["id"]}").ReadNodeAsync()).AsArray();
        Assert.That(after.Select(v => v!["status"]!.GetValue<string>()), Is.EqualTo(new[] { "destroyed", "enabled", "enabled" }));
    }

    [Test]
    public async Task SeedArrayOnPostKey_StillCreatesEveryKey_AsTheBatchRouteDoes()
    {
        var names = new[] { UniqueName("seed-a"), UniqueName("seed-b") };

        var created = (await Client.PostJsonAsync("/kms/Key", names.Select(n => new { name = n, algorithm = "AES256_GCM" }).ToArray()).Ensure(HttpStatusCode.Created).ReadNodeAsync()).AsArray();
        var viaBatch = (await Client.PostJsonAsync("/kms/key/batch", new[] { new { name = UniqueName("seed-c"), algorithm = "EC_P256", usage = "sign_verify" } }).Ensure(HttpStatusCode.Created).ReadNodeAsync()).AsArray();

        Assert.That(created.Select(k => k!["name"]!.GetValue<string>()), Is.EqualTo(names));
        Assert.That(viaBatch.Single()!["algorithm"]!.GetValue<string>(), Is.EqualTo("EC_P256"));
    }

    [Test]
    public async Task Decrypt_WithBothFormsOfTheCiphertext_ThatDisagree_Returns422()
    {
        var key = await CreateKeyAsync();
        var first = (await Client.PostJsonAsync($"/kms/key/{key["id"]}/encrypt", new { plaintext_b64 = Json.B64("one") }).ReadNodeAsync()).AsObject();
        var second = await Client.PostJsonAsync($"/kms/key/{key["id"]}/encrypt", new { plaintext_b64 = Json.B64("two") }).ReadNodeAsync();
        first["ciphertext_b64"] = second["ciphertext_b64"]!.GetValue<string>();

        var response = await Client.PostAsync($"/kms/key/{key["id"]}/decrypt", Json.Raw(first.ToJsonString()));

        await AssertProblem(response, (HttpStatusCode)422, "are not the ciphertext 'ciphertext' holds");
    }

    [Test]
    public async Task BulkPut_NamesTheFieldsOfEachItem_AsTheArrayBodySpellsThem()
    {
        var key = await CreateKeyAsync();

        var response = await Client.PutJsonAsync("/kms/key", new object[] { new { id = key["id"]!.GetValue<string>(), name = UniqueName(), status = "enabled" }, new { name = string.Empty } });
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject().Select(e => e.Key).ToList();

        Assert.That((int)response.StatusCode, Is.EqualTo(422));
        Assert.That(errors, Is.EquivalentTo(new[] { "[1].id" }), "what could not be decoded is reported alone");
    }

    [Test]
    public async Task BulkCreate_WithANullItem_SaysOnlyThat()
    {
        var response = await Client.PostAsync("/kms/key/batch", Json.Raw("[null]"));
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();

        await AssertProblem(response, (HttpStatusCode)422, "Each item must be a JSON object.");
        Assert.That(errors.Select(e => e.Key), Is.EqualTo(new[] { "[0]" }));
    }

    [Test]
    public async Task BulkPatch_WithAnInvalidItemField_NamesIt_WithTheItemIndex()
    {
        var key = await CreateKeyAsync();

        var response = await Client.PatchJsonAsync("/kms/key", new object[] { new { id = key["id"]!.GetValue<string>(), name = string.Empty } });

        await AssertProblem(response, (HttpStatusCode)422);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.That(errors.Select(e => e.Key), Is.EqualTo(new[] { "[0].name" }));
    }
}
