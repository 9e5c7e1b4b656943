using System.Net;
using System.Text.Json.Nodes;
using AutoKms.IntegrationTests.Support;

namespace AutoKms.IntegrationTests.Http;

public sealed class CryptoRoutesTests : ApiTestBase
{
    [TestCase("AES256_GCM")]
    [TestCase("CHACHA20_POLY1305")]
    public async Task EncryptThenDecrypt_WithAeadKey_RoundTripsWithServiceChosenNonce(string algorithm)
    {
        var key = await CreateKeyAsync(algorithm);
        var aad = Json.B64("order:42");

        var encrypted = await Client.PostJsonAsync($"/kms/key/{key["id"]}/encrypt", new { plaintext_b64 = Json.B64("hello world"), aad_b64 = aad })
            .Ensure(HttpStatusCode.OK).ReadNodeAsync();
        var decrypted = await Client.PostJsonAsync($"/kms/key/{key["id"]}/decrypt", DecryptBody(encrypted))
            .Ensure(HttpStatusCode.OK).ReadNodeAsync();

        Assert.That(encrypted["kid"]!.GetValue<string>(), Is.EqualTo(key["id"]!.GetValue<string>()));
        Assert.That(encrypted["alg"]!.GetValue<string>(), Is.EqualTo(algorithm));
        Assert.That(encrypted["version"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(Convert.FromBase64String(encrypted["nonce_b64"]!.GetValue<string>()), Has.Length.EqualTo(12));
        Assert.That(Convert.FromBase64String(encrypted["tag_b64"]!.GetValue<string>()), Has.Length.EqualTo(16));
        Assert.That(encrypted["aad_b64"]!.GetValue<string>(), Is.EqualTo(aad));
        Assert.That(Json.Text(encrypted["ciphertext_b64"]), Is.Not.EqualTo("hello world"));
        Assert.That(Json.Text(decrypted["plaintext_b64"]), Is.EqualTo("hello world"));
    }

    [Test]
    public async Task Encrypt_SamePlaintextTwice_UsesDifferentNonces()
    {
        var key = await CreateKeyAsync();
        var body = new { plaintext_b64 = Json.B64("same") };

        var first = await Client.PostJsonAsync($"/kms/key/{key["id"]}/encrypt", body).ReadNodeAsync();
        var second = await Client.PostJsonAsync($"/kms/key/{key["id"]}/encrypt", body).ReadNodeAsync();

        Assert.That(first["nonce_b64"]!.GetValue<string>(), Is.Not.EqualTo(second["nonce_b64"]!.GetValue<string>()));
        Assert.That(first["ciphertext_b64"]!.GetValue<string>(), Is.Not.EqualTo(second["ciphertext_b64"]!.GetValue<string>()));
    }

    [TestCase("RSA2048")]
    [TestCase("RSA3072")]
    public async Task EncryptThenDecrypt_WithRsaKey_UsesOaepAndAnswersNullNonceAndTag(string algorithm)
    {
        var key = await CreateKeyAsync(algorithm);

        var encrypted = await Client.PostJsonAsync($"/kms/key/{key["id"]}/encrypt", new { plaintext_b64 = Json.B64("rsa secret") })
            .Ensure(HttpStatusCode.OK).ReadNodeAsync();
        var decrypted = await Client.PostJsonAsync($"/kms/key/{key["id"]}/decrypt", new { ciphertext_b64 = encrypted["ciphertext_b64"]!.GetValue<string>() })
            .Ensure(HttpStatusCode.OK).ReadNodeAsync();

        Assert.That(encrypted["nonce_b64"], Is.Null);
        Assert.That(encrypted["tag_b64"], Is.Null);
        Assert.That(Convert.FromBase64String(encrypted["ciphertext_b64"]!.GetValue<string>()), Has.Length.EqualTo(algorithm == "RSA2048" ? 256 : 384));
        Assert.That(Json.Text(decrypted["plaintext_b64"]), Is.EqualTo("rsa secret"));
    }

    [Test]
    public async Task Encrypt_WithRsaKeyAndAad_Returns400()
    {
        var key = await CreateKeyAsync("RSA2048");

        var response = await Client.PostJsonAsync($"/kms/key/{key["id"]}/encrypt", new { plaintext_b64 = Json.B64("x"), aad_b64 = Json.B64("aad") });

        await AssertProblem(response, HttpStatusCode.BadRequest, "aad_b64 is not supported");
    }

    [Test]
    public async Task Encrypt_WithRsaKeyAndPlaintextOverOaepLimit_Returns400()
    {
        var key = await CreateKeyAsync("RSA2048");

        var response = await Client.PostJsonAsync($"/kms/key/{key["id"]}/encrypt", new { plaintext_b64 = Convert.ToBase64String(new byte[191]) });

        await AssertProblem(response, HttpStatusCode.BadRequest, "at most 190 bytes");
    }

    [Test]
    public async Task Encrypt_WithSignVerifyRsaKey_Returns400()
    {
        var key = await CreateKeyAsync("RSA2048", usage: "sign_verify");

        var response = await Client.PostJsonAsync($"/kms/key/{key["id"]}/encrypt", new { plaintext_b64 = Json.B64("x") });

        await AssertProblem(response, HttpStatusCode.BadRequest, "cannot be used for encrypt_decrypt");
    }

    [Test]
    public async Task Decrypt_WithTamperedCiphertext_Returns400DecryptionFailed()
    {
        var key = await CreateKeyAsync();
        var encrypted = await EncryptAsync(key, "tamper me");
        var ciphertext = Convert.FromBase64String(encrypted["ciphertext_b64"]!.GetValue<string>());
        ciphertext[0] ^= 0x01;

        var response = await Client.PostJsonAsync($"/kms/key/{key["id"]}/decrypt", DecryptBody(encrypted, ciphertext: Convert.ToBase64String(ciphertext)));

        await AssertProblem(response, HttpStatusCode.BadRequest, "Decryption failed");
    }

    [Test]
    public async Task Decrypt_WithTamperedTag_Returns400DecryptionFailed()
    {
        var key = await CreateKeyAsync();
        var encrypted = await EncryptAsync(key, "tamper me");
        var tag = Convert.FromBase64String(encrypted["tag_b64"]!.GetValue<string>());
        tag[^1] ^= 0x80;

        var response = await Client.PostJsonAsync($"/kms/key/{key["id"]}/decrypt", DecryptBody(encrypted, tag: Convert.ToBase64String(tag)));

        await AssertProblem(response, HttpStatusCode.BadRequest, "Decryption failed");
    }

    [Test]
    public async Task Decrypt_WithWrongAad_Returns400DecryptionFailed()
    {
        var key = await CreateKeyAsync();
        var encrypted = await Client.PostJsonAsync($"/kms/key/{key["id"]}/encrypt", new { plaintext_b64 = Json.B64("x"), aad_b64 = Json.B64("right") }).ReadNodeAsync();

        var response = await Client.PostJsonAsync($"/kms/key/{key["id"]}/decrypt", DecryptBody(encrypted, aad: Json.B64("wrong")));

        await AssertProblem(response, HttpStatusCode.BadRequest, "Decryption failed");
    }

    [Test]
    public async Task Decrypt_WithCiphertextFromAnotherKey_Returns400DecryptionFailed()
    {
        var key = await CreateKeyAsync();
        var other = await CreateKeyAsync();
        var encrypted = await EncryptAsync(key, "not yours");

        var response = await Client.PostJsonAsync($"/kms/key/{other["id"]}/decrypt", DecryptBody(encrypted));

        await AssertProblem(response, HttpStatusCode.BadRequest, "Decryption failed");
    }

    [Test]
    public async Task Decrypt_VersionOneCiphertextAfterRotation_StillDecrypts()
    {
        var key = await CreateKeyAsync();
        var before = await EncryptAsync(key, "written under v1");
        await Client.PostAsync($"/kms/key/{key["id"]}/rotate", null).Ensure(HttpStatusCode.Created);
        var after = await EncryptAsync(key, "written under v2");

        var oldPlain = await Client.PostJsonAsync($"/kms/key/{key["id"]}/decrypt", DecryptBody(before)).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        var newPlain = await Client.PostJsonAsync($"/kms/key/{key["id"]}/decrypt", DecryptBody(after)).Ensure(HttpStatusCode.OK).ReadNodeAsync();

        Assert.That(before["version"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(after["version"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(Json.Text(oldPlain["plaintext_b64"]), Is.EqualTo("written under v1"));
        Assert.That(Json.Text(newPlain["plaintext_b64"]), Is.EqualTo("written under v2"));
    }

    [Test]
    public async Task Decrypt_WithoutVersion_UsesPrimary_SoAnOldCiphertextFailsAuthentication()
    {
        var key = await CreateKeyAsync();
        var before = await EncryptAsync(key, "v1");
        await Client.PostAsync($"/kms/key/{key["id"]}/rotate", null).Ensure(HttpStatusCode.Created);

        var response = await Client.PostJsonAsync($"/kms/key/{key["id"]}/decrypt", DecryptBody(before, includeVersion: false));

        await AssertProblem(response, HttpStatusCode.BadRequest, "Decryption failed");
    }

    [Test]
    public async Task Decrypt_WithUnknownVersion_Returns404()
    {
        var key = await CreateKeyAsync();
        var encrypted = await EncryptAsync(key, "x");

        var response = await Client.PostJsonAsync($"/kms/key/{key["id"]}/decrypt", DecryptBody(encrypted, version: 9));

        await AssertProblem(response, HttpStatusCode.NotFound, "Key version 9 not found");
    }

    [Test]
    public async Task Decrypt_WithVersionZero_Returns422()
    {
        var key = await CreateKeyAsync();
        var encrypted = await EncryptAsync(key, "x");

        var response = await Client.PostJsonAsync($"/kms/key/{key["id"]}/decrypt", DecryptBody(encrypted, version: 0));

        await AssertProblem(response, (HttpStatusCode)422, "version");
    }

    [Test]
    public async Task Decrypt_WithoutNonceForAeadKey_Returns422NamingTheField()
    {
        var key = await CreateKeyAsync();
        var encrypted = await EncryptAsync(key, "x");

        var response = await Client.PostJsonAsync($"/kms/key/{key["id"]}/decrypt", new { ciphertext_b64 = encrypted["ciphertext_b64"]!.GetValue<string>(), tag_b64 = encrypted["tag_b64"]!.GetValue<string>() });
        var withoutTag = await Client.PostJsonAsync($"/kms/key/{key["id"]}/decrypt", new { ciphertext_b64 = encrypted["ciphertext_b64"]!.GetValue<string>(), nonce_b64 = encrypted["nonce_b64"]!.GetValue<string>() });

        await AssertProblem(response, (HttpStatusCode)422, "'nonce_b64' is required for AES256_GCM keys");
        await AssertProblem(withoutTag, (HttpStatusCode)422, "'tag_b64' is required");
        Assert.That(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["nonce_b64"], Is.Not.Null);
    }

    [Test]
    public async Task Unwrap_WithoutNonceForAeadKey_Returns422NamingTheField()
    {
        var key = await CreateKeyAsync();
        var wrapped = await Client.PostJsonAsync($"/kms/key/{key["id"]}/wrap", new { key_material_b64 = Json.B64("k") }).ReadNodeAsync();

        var response = await Client.PostJsonAsync($"/kms/key/{key["id"]}/unwrap", new { wrapped_key_b64 = wrapped["wrapped_key_b64"]!.GetValue<string>(), tag_b64 = wrapped["tag_b64"]!.GetValue<string>() });

        await AssertProblem(response, (HttpStatusCode)422, "'nonce_b64' is required");
    }

    [Test]
    public async Task EncryptAndDecrypt_WhenKeyDisabled_Return403KeyIsDisabled()
    {
        var key = await CreateKeyAsync();
        var encrypted = await EncryptAsync(key, "x");
        await Client.PatchJsonAsync($"/kms/key/{key["id"]}", new { status = "disabled" }).Ensure(HttpStatusCode.OK);

        var encrypt = await Client.PostJsonAsync($"/kms/key/{key["id"]}/encrypt", new { plaintext_b64 = Json.B64("x") });
        var decrypt = await Client.PostJsonAsync($"/kms/key/{key["id"]}/decrypt", DecryptBody(encrypted));

        await AssertProblem(encrypt, HttpStatusCode.Forbidden, "Key is disabled");
        await AssertProblem(decrypt, HttpStatusCode.Forbidden, "Key is disabled");
    }

    [Test]
    public async Task Encrypt_WithCallerSuppliedNonce_Returns400()
    {
        var key = await CreateKeyAsync();

        var response = await Client.PostJsonAsync($"/kms/key/{key["id"]}/encrypt", new { plaintext_b64 = Json.B64("x"), nonce_b64 = "AAAAAAAAAAAAAAAA" });

        await AssertProblem(response, HttpStatusCode.BadRequest, "the service chooses every nonce");
    }

    [TestCase("plaintext_b64", "%%%")]
    [TestCase("aad_b64", "a")]
    public async Task Encrypt_WithBadBase64_Returns400NamingTheField(string field, string value)
    {
        var key = await CreateKeyAsync();
        var body = new Dictionary<string, string> { ["plaintext_b64"] = Json.B64("x"), [field] = value };

        var response = await Client.PostJsonAsync($"/kms/key/{key["id"]}/encrypt", body);

        await AssertProblem(response, HttpStatusCode.BadRequest, $"Invalid base64 encoding for {field}");
    }

    [Test]
    public async Task Encrypt_WithUnpaddedBase64_IsAccepted()
    {
        var key = await CreateKeyAsync();

        var encrypted = await Client.PostJsonAsync($"/kms/key/{key["id"]}/encrypt", new { plaintext_b64 = "aGVsbG8" }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        var decrypted = await Client.PostJsonAsync($"/kms/key/{key["id"]}/decrypt", DecryptBody(encrypted)).ReadNodeAsync();

        Assert.That(Json.Text(decrypted["plaintext_b64"]), Is.EqualTo("hello"));
    }

    [Test]
    public async Task Encrypt_WithoutPlaintext_Returns422()
    {
        var key = await CreateKeyAsync();

        var response = await Client.PostJsonAsync($"/kms/key/{key["id"]}/encrypt", new { aad_b64 = Json.B64("x") });

        await AssertProblem(response, (HttpStatusCode)422, "plaintext_b64");
    }

    [Test]
    public async Task Encrypt_WithPlaintextOfWrongType_Returns422()
    {
        var key = await CreateKeyAsync();

        var response = await Client.PostAsync($"/kms/key/{key["id"]}/encrypt", Json.Raw("""{"plaintext_b64": 42}"""));

        await AssertProblem(response, (HttpStatusCode)422, "'plaintext_b64' must be a string");
    }

    [TestCase("")]
    [TestCase("{")]
    [TestCase("[1,2]")]
    public async Task Encrypt_WithEmptyOrInvalidJsonBody_Returns400(string body)
    {
        var key = await CreateKeyAsync();

        var response = await Client.PostAsync($"/kms/key/{key["id"]}/encrypt", Json.Raw(body));

        await AssertProblem(response, HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Encrypt_WithTextPlainBody_Returns415()
    {
        var key = await CreateKeyAsync();

        var response = await Client.PostAsync($"/kms/key/{key["id"]}/encrypt", Json.Raw("hello", "text/plain"));

        await AssertProblem(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Test]
    public async Task Encrypt_WithBodyOverLimit_Returns413()
    {
        var key = await CreateKeyAsync();

        var response = await Client.PostJsonAsync($"/kms/key/{key["id"]}/encrypt", new { plaintext_b64 = Convert.ToBase64String(new byte[900 * 1024]) });

        await AssertProblem(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Test]
    public async Task Encrypt_WhenKeyUnknown_Returns404()
    {
        await AssertProblem(await Client.PostJsonAsync($"/kms/key/{Guid.NewGuid()}/encrypt", new { plaintext_b64 = Json.B64("x") }), HttpStatusCode.NotFound, "Key not found");
    }

    [Test]
    public async Task Encrypt_WithIdThatIsNotAUuid_Returns422()
    {
        await AssertProblem(await Client.PostJsonAsync("/kms/key/xyz/encrypt", new { plaintext_b64 = Json.B64("x") }), (HttpStatusCode)422, "Invalid UUID for key id");
    }

    [TestCase("AES256_GCM")]
    [TestCase("CHACHA20_POLY1305")]
    [TestCase("RSA2048")]
    public async Task WrapThenUnwrap_RoundTripsKeyMaterial(string algorithm)
    {
        var key = await CreateKeyAsync(algorithm);
        var material = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());

        var wrapped = await Client.PostJsonAsync($"/kms/key/{key["id"]}/wrap", new { key_material_b64 = material }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        var unwrapped = await Client.PostJsonAsync($"/kms/key/{key["id"]}/unwrap", new
        {
            wrapped_key_b64 = wrapped["wrapped_key_b64"]!.GetValue<string>(),
            nonce_b64 = wrapped["nonce_b64"]?.GetValue<string>(),
            tag_b64 = wrapped["tag_b64"]?.GetValue<string>(),
            version = wrapped["version"]!.GetValue<int>(),
        }).Ensure(HttpStatusCode.OK).ReadNodeAsync();

        Assert.That(wrapped["kid"]!.GetValue<string>(), Is.EqualTo(key["id"]!.GetValue<string>()));
        Assert.That(wrapped["alg"]!.GetValue<string>(), Is.EqualTo(algorithm));
        Assert.That(wrapped["wrapped_key_b64"]!.GetValue<string>(), Is.Not.EqualTo(material));
        Assert.That(unwrapped["key_material_b64"]!.GetValue<string>(), Is.EqualTo(material));
    }

    [Test]
    public async Task Unwrap_WithTamperedWrappedKey_Returns400DecryptionFailed()
    {
        var key = await CreateKeyAsync();
        var wrapped = await Client.PostJsonAsync($"/kms/key/{key["id"]}/wrap", new { key_material_b64 = Convert.ToBase64String(new byte[32]) }).ReadNodeAsync();
        var bytes = Convert.FromBase64String(wrapped["wrapped_key_b64"]!.GetValue<string>());
        bytes[5] ^= 0xFF;

        var response = await Client.PostJsonAsync($"/kms/key/{key["id"]}/unwrap", new
        {
            wrapped_key_b64 = Convert.ToBase64String(bytes),
            nonce_b64 = wrapped["nonce_b64"]!.GetValue<string>(),
            tag_b64 = wrapped["tag_b64"]!.GetValue<string>(),
        });

        await AssertProblem(response, HttpStatusCode.BadRequest, "Decryption failed");
    }

    [Test]
    public async Task Wrap_WithoutKeyMaterial_Returns422()
    {
        var key = await CreateKeyAsync();

        await AssertProblem(await Client.PostJsonAsync($"/kms/key/{key["id"]}/wrap", new { aad_b64 = Json.B64("x") }), (HttpStatusCode)422, "key_material_b64");
    }

    [Test]
    public async Task Wrap_WithCallerSuppliedNonce_Returns400()
    {
        var key = await CreateKeyAsync();

        var response = await Client.PostJsonAsync($"/kms/key/{key["id"]}/wrap", new { key_material_b64 = Json.B64("k"), nonce_b64 = "AAAAAAAAAAAAAAAA" });

        await AssertProblem(response, HttpStatusCode.BadRequest, "nonce");
    }

    [Test]
    public async Task Unwrap_WithBadBase64_Returns400()
    {
        var key = await CreateKeyAsync();

        await AssertProblem(await Client.PostJsonAsync($"/kms/key/{key["id"]}/unwrap", new { wrapped_key_b64 = "***" }), HttpStatusCode.BadRequest, "Invalid base64 encoding for wrapped_key_b64");
    }

    [Test]
    public async Task WrapAndUnwrap_WhenKeyUnknown_Return404()
    {
        await AssertProblem(await Client.PostJsonAsync($"/kms/key/{Guid.NewGuid()}/wrap", new { key_material_b64 = Json.B64("k") }), HttpStatusCode.NotFound);
        await AssertProblem(await Client.PostJsonAsync($"/kms/key/{Guid.NewGuid()}/unwrap", new { wrapped_key_b64 = Json.B64("k") }), HttpStatusCode.NotFound);
    }

    private async Task<JsonNode> EncryptAsync(JsonNode key, string text) =>
        await Client.PostJsonAsync($"/kms/key/{key["id"]}/encrypt", new { plaintext_b64 = Json.B64(text) }).Ensure(HttpStatusCode.OK).ReadNodeAsync();

    private static Dictionary<string, object?> DecryptBody(JsonNode encrypted, string? ciphertext = null, string? tag = null, string? aad = null, int? version = null, bool includeVersion = true)
    {
        var body = new Dictionary<string, object?>
        {
            ["ciphertext_b64"] = ciphertext ?? encrypted["ciphertext_b64"]!.GetValue<string>(),
            ["nonce_b64"] = encrypted["nonce_b64"]?.GetValue<string>(),
            ["tag_b64"] = tag ?? encrypted["tag_b64"]?.GetValue<string>(),
            ["aad_b64"] = aad ?? encrypted["aad_b64"]?.GetValue<string>(),
        };
        if (includeVersion)
        {
            body["version"] = version ?? encrypted["version"]!.GetValue<int>();
        }

        return body;
    }
}
