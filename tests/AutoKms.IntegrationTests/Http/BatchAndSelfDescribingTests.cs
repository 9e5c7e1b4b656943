using System.Net;
using System.Text.Json.Nodes;
using AutoKms.IntegrationTests.Support;

namespace AutoKms.IntegrationTests.Http;

public sealed class BatchAndSelfDescribingTests : ApiTestBase
{
    [Test]
    public async Task EncryptBatchOf1000_ComesBackInOrder_AndDecryptsInOrder()
    {
        var key = await CreateKeyAsync();
        var items = Enumerable.Range(0, 1000).Select(i => new { plaintext_b64 = Json.B64($"item-{i}") }).ToArray();

        var encrypted = (await Client.PostJsonAsync($"/kms/key/{key["id"]}/encrypt/batch", new { batch_input = items }).Ensure(HttpStatusCode.OK).ReadNodeAsync())["batch_results"]!.AsArray();
        var decrypted = (await Client.PostJsonAsync($"/kms/key/{key["id"]}/decrypt/batch", new { batch_input = encrypted.Select(e => new { ciphertext = e!["ciphertext"]!.GetValue<string>() }).ToArray() })
            .Ensure(HttpStatusCode.OK).ReadNodeAsync())["batch_results"]!.AsArray();

        Assert.That(encrypted, Has.Count.EqualTo(1000));
        Assert.That(encrypted.Select(e => e!["version"]!.GetValue<int>()), Is.All.EqualTo(1));
        Assert.That(encrypted.Select(e => e!["nonce_b64"]!.GetValue<string>()), Is.Unique);
        Assert.That(decrypted.Select(d => Json.Text(d!["plaintext_b64"])), Is.EqualTo(Enumerable.Range(0, 1000).Select(i => $"item-{i}")));
    }

    [Test]
    public async Task EncryptBatch_WithOverAThousandItems_Returns422()
    {
        var key = await CreateKeyAsync();

        var response = await Client.PostJsonAsync($"/kms/key/{key["id"]}/encrypt/batch", new { batch_input = Enumerable.Range(0, 1001).Select(_ => new { plaintext_b64 = "AA==" }).ToArray() });

        await AssertProblem(response, (HttpStatusCode)422, "1000");
    }

    [Test]
    public async Task Batch_WithSingleItemFieldsBesideIt_Returns422_NamingTheField_RatherThanIgnoringIt()
    {
        var key = await CreateKeyAsync();

        var response = await Client.PostJsonAsync($"/kms/key/{key["id"]}/encrypt/batch", new { plaintext_b64 = "AA==", batch_input = new[] { new { plaintext_b64 = "AQ==" } } });

        await AssertProblem(response, (HttpStatusCode)422, "Unknown field 'plaintext_b64'");
        await AssertProblem(
            await Client.PostJsonAsync($"/kms/key/{key["id"]}/decrypt/batch", new { version = 1, batch_input = new[] { new { ciphertext = "akms:v1:AAAA" } } }),
            (HttpStatusCode)422,
            "Unknown field 'version'");
    }

    [TestCase("encrypt")]
    [TestCase("decrypt")]
    [TestCase("rewrap")]
    public async Task SingleRoute_WithBatchInput_Returns422_SoABatchIsNeverMistakenForOneItem(string operation)
    {
        var key = await CreateKeyAsync();

        var response = await Client.PostJsonAsync($"/kms/key/{key["id"]}/{operation}", new { batch_input = new[] { new { plaintext_b64 = "AQ==" } } });

        await AssertProblem(response, (HttpStatusCode)422, "Unknown field 'batch_input'");
    }

    [Test]
    public async Task Batches_AFailedItemAnswersError_WithoutFailingTheOthers()
    {
        var key = await CreateKeyAsync();
        var good = await Client.PostJsonAsync($"/kms/key/{key["id"]}/encrypt", new { plaintext_b64 = Json.B64("good") }).ReadNodeAsync();
        var tampered = Convert.FromBase64String(good["ciphertext_b64"]!.GetValue<string>());
        tampered[0] ^= 1;

        var encrypted = (await Client.PostAsync($"/kms/key/{key["id"]}/encrypt/batch", Json.Raw("""{"batch_input":[{"plaintext_b64":"YQ=="},{"plaintext_b64":"%%"},{"plaintext_b64":"Yg==","nonce_b64":"AAAAAAAAAAAAAAAA"},null,{"aad_b64":"YQ=="}]}"""))
            .Ensure(HttpStatusCode.OK).ReadNodeAsync())["batch_results"]!.AsArray();
        var decrypted = (await Client.PostJsonAsync($"/kms/key/{key["id"]}/decrypt/batch", new
        {
            batch_input = new object[]
            {
                new { ciphertext = good["ciphertext"]!.GetValue<string>() },
                new { ciphertext_b64 = Convert.ToBase64String(tampered), nonce_b64 = good["nonce_b64"]!.GetValue<string>(), tag_b64 = good["tag_b64"]!.GetValue<string>() },
                new { ciphertext = "akms:v9:AAAA" },
                new { ciphertext = "not-akms" },
            },
        }).Ensure(HttpStatusCode.OK).ReadNodeAsync())["batch_results"]!.AsArray();

        Assert.That(encrypted[0]!["ciphertext"], Is.Not.Null);
        Assert.That(encrypted[1]!["error"]!.GetValue<string>(), Is.EqualTo("Invalid base64 encoding for plaintext_b64"));
        Assert.That(encrypted[2]!["error"]!.GetValue<string>(), Does.Contain("nonce"));
        Assert.That(encrypted[3]!["error"]!.GetValue<string>(), Does.Contain("object"));
        Assert.That(encrypted[4]!["error"]!.GetValue<string>(), Does.Contain("plaintext_b64"));
        Assert.That(Json.Text(decrypted[0]!["plaintext_b64"]), Is.EqualTo("good"));
        Assert.That(decrypted[1]!["error"]!.GetValue<string>(), Is.EqualTo("Decryption failed"));
        Assert.That(decrypted[2]!["error"]!.GetValue<string>(), Is.EqualTo("Key version 9 not found"));
        Assert.That(decrypted[3]!["error"]!.GetValue<string>(), Does.Contain("akms:v<version>"));
    }

    [Test]
    public async Task RewrapBatch_MovesEveryCiphertextToThePrimaryVersion_InOrder()
    {
        var key = await CreateKeyAsync();
        var v1 = (await Client.PostJsonAsync($"/kms/key/{key["id"]}/encrypt/batch", new { batch_input = new[] { new { plaintext_b64 = Json.B64("a") }, new { plaintext_b64 = Json.B64("b") } } }).ReadNodeAsync())["batch_results"]!.AsArray();
        await Client.PostAsync($"/kms/key/{key["id"]}/rotate", null).Ensure(HttpStatusCode.Created);
        await Client.PostAsync($"/kms/key/{key["id"]}/rotate", null).Ensure(HttpStatusCode.Created);

        var rewrapped = (await Client.PostJsonAsync($"/kms/key/{key["id"]}/rewrap/batch", new { batch_input = v1.Select(e => new { ciphertext = e!["ciphertext"]!.GetValue<string>() }).ToArray() })
            .Ensure(HttpStatusCode.OK).ReadNodeAsync())["batch_results"]!.AsArray();
        var plain = (await Client.PostJsonAsync($"/kms/key/{key["id"]}/decrypt/batch", new { batch_input = rewrapped.Select(e => new { ciphertext = e!["ciphertext"]!.GetValue<string>() }).ToArray() })
            .ReadNodeAsync())["batch_results"]!.AsArray();

        Assert.That(rewrapped.Select(r => r!["version"]!.GetValue<int>()), Is.All.EqualTo(3));
        Assert.That(plain.Select(p => Json.Text(p!["plaintext_b64"])), Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public async Task SelfDescribingCiphertext_NamesItsVersion_AndDecryptsAfterRotationWithoutTheSplitFields()
    {
        var key = await CreateKeyAsync("CHACHA20_POLY1305");
        var encrypted = await Client.PostJsonAsync($"/kms/key/{key["id"]}/encrypt", new { plaintext_b64 = Json.B64("v1"), aad_b64 = Json.B64("ctx") }).ReadNodeAsync();
        await Client.PostAsync($"/kms/key/{key["id"]}/rotate", null).Ensure(HttpStatusCode.Created);

        var decrypted = await Client.PostJsonAsync($"/kms/key/{key["id"]}/decrypt", new { ciphertext = encrypted["ciphertext"]!.GetValue<string>(), aad_b64 = Json.B64("ctx") }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        var packed = Convert.FromBase64String(encrypted["ciphertext"]!.GetValue<string>()["akms:v1:".Length..]);

        Assert.That(encrypted["ciphertext"]!.GetValue<string>(), Does.StartWith("akms:v1:"));
        Assert.That(packed, Is.EqualTo(Convert.FromBase64String(encrypted["nonce_b64"]!.GetValue<string>())
            .Concat(Convert.FromBase64String(encrypted["ciphertext_b64"]!.GetValue<string>()))
            .Concat(Convert.FromBase64String(encrypted["tag_b64"]!.GetValue<string>()))));
        Assert.That(Json.Text(decrypted["plaintext_b64"]), Is.EqualTo("v1"));
    }

    [Test]
    public async Task SelfDescribingCiphertext_Malformed_Returns400_AndConflictingVersion_Returns400()
    {
        var key = await CreateKeyAsync();
        var encrypted = await Client.PostJsonAsync($"/kms/key/{key["id"]}/encrypt", new { plaintext_b64 = Json.B64("x") }).ReadNodeAsync();

        await AssertProblem(await Client.PostJsonAsync($"/kms/key/{key["id"]}/decrypt", new { ciphertext = "akms:vX:AAAA" }), HttpStatusCode.BadRequest, "akms:v<version>:<base64>");
        await AssertProblem(await Client.PostJsonAsync($"/kms/key/{key["id"]}/decrypt", new { ciphertext = "akms:v1:%%%%" }), HttpStatusCode.BadRequest, "Invalid base64 encoding for ciphertext");
        await AssertProblem(await Client.PostJsonAsync($"/kms/key/{key["id"]}/decrypt", new { ciphertext = encrypted["ciphertext"]!.GetValue<string>(), version = 2 }), HttpStatusCode.BadRequest, "does not match");
        await AssertProblem(await Client.PostJsonAsync($"/kms/key/{key["id"]}/decrypt", new { ciphertext = "akms:v1:AAAA" }), HttpStatusCode.BadRequest, "Decryption failed");
    }

    [Test]
    public async Task Unwrap_AcceptsTheSelfDescribingFormOfAWrap()
    {
        var key = await CreateKeyAsync();
        var wrapped = await Client.PostJsonAsync($"/kms/key/{key["id"]}/wrap", new { key_material_b64 = Json.B64("material") }).ReadNodeAsync();

        var unwrapped = await Client.PostJsonAsync($"/kms/key/{key["id"]}/unwrap", new { ciphertext = wrapped["ciphertext"]!.GetValue<string>() }).Ensure(HttpStatusCode.OK).ReadNodeAsync();

        Assert.That(Json.Text(unwrapped["key_material_b64"]), Is.EqualTo("material"));
    }

    [Test]
    public async Task Rewrap_OfATamperedCiphertext_Returns400_AndOfADisabledVersion_Returns403()
    {
        var key = await CreateKeyAsync();
        var encrypted = await Client.PostJsonAsync($"/kms/key/{key["id"]}/encrypt", new { plaintext_b64 = Json.B64("x") }).ReadNodeAsync();
        var versions = (await Client.GetAsync($"/kms/key_version?key_id={key["id"]}").ReadNodeAsync()).AsArray();
        await Client.PostAsync($"/kms/key/{key["id"]}/rotate", null).Ensure(HttpStatusCode.Created);

        await AssertProblem(await Client.PostJsonAsync($"/kms/key/{key["id"]}/rewrap", new { ciphertext = "akms:v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" }), HttpStatusCode.BadRequest, "Decryption failed");
        await Client.PatchJsonAsync($"/kms/key_version/{versions[0]!["id"]}", new { status = "disabled" }).Ensure(HttpStatusCode.OK);
        await AssertProblem(await Client.PostJsonAsync($"/kms/key/{key["id"]}/rewrap", new { ciphertext = encrypted["ciphertext"]!.GetValue<string>() }), HttpStatusCode.Forbidden, "Key version is disabled");
    }
}
