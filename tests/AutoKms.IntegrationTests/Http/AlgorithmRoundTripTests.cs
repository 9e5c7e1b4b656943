using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AutoKms.IntegrationTests.Support;

namespace AutoKms.IntegrationTests.Http;

/// <summary>Each algorithm round-trips each of its operations over HTTP.</summary>
public sealed class AlgorithmRoundTripTests : ApiTestBase
{
    [TestCase("AES256_GCM")]
    [TestCase("CHACHA20_POLY1305")]
    [TestCase("RSA2048")]
    [TestCase("RSA3072")]
    public async Task EncryptionKey_RoundTripsEncryptWrapDatakeyAndRewrap(string algorithm)
    {
        var key = await CreateKeyAsync(algorithm);
        var id = key["id"]!.GetValue<string>();

        var encrypted = await Client.PostJsonAsync($"/kms/key/{id}/encrypt", new { plaintext_b64 = Json.B64("round trip") }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        var decrypted = await Client.PostJsonAsync($"/kms/key/{id}/decrypt", new { ciphertext = encrypted["ciphertext"]!.GetValue<string>() }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        Assert.That(Json.Text(decrypted["plaintext_b64"]), Is.EqualTo("round trip"));

        var wrapped = await Client.PostJsonAsync($"/kms/key/{id}/wrap", new { key_material_b64 = Convert.ToBase64String(new byte[32]) }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        var unwrapped = await Client.PostJsonAsync($"/kms/key/{id}/unwrap", new { ciphertext = wrapped["ciphertext"]!.GetValue<string>() }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        Assert.That(unwrapped["key_material_b64"]!.GetValue<string>(), Is.EqualTo(Convert.ToBase64String(new byte[32])));

        var dataKey = await Client.PostJsonAsync($"/kms/key/{id}/datakey", new { bytes = 32 }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        var dataKeyBack = await Client.PostJsonAsync($"/kms/key/{id}/decrypt", new { ciphertext = dataKey["ciphertext"]!.GetValue<string>() }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        Assert.That(Convert.FromBase64String(dataKey["plaintext_b64"]!.GetValue<string>()), Has.Length.EqualTo(32));
        Assert.That(dataKeyBack["plaintext_b64"]!.GetValue<string>(), Is.EqualTo(dataKey["plaintext_b64"]!.GetValue<string>()));

        await Client.PostAsync($"/kms/key/{id}/rotate", null).Ensure(HttpStatusCode.Created);
        var rewrapped = await Client.PostJsonAsync($"/kms/key/{id}/rewrap", new { ciphertext = encrypted["ciphertext"]!.GetValue<string>() }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        var afterRewrap = await Client.PostJsonAsync($"/kms/key/{id}/decrypt", new { ciphertext = rewrapped["ciphertext"]!.GetValue<string>() }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        Assert.That(encrypted["version"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(rewrapped["version"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(rewrapped["ciphertext"]!.GetValue<string>(), Does.StartWith("akms:v2:"));
        Assert.That(Json.Text(afterRewrap["plaintext_b64"]), Is.EqualTo("round trip"));
    }

    [Test]
    public async Task DataKey_WithIncludePlaintextFalse_OmitsThePlaintext()
    {
        var key = await CreateKeyAsync();

        var dataKey = await Client.PostJsonAsync($"/kms/key/{key["id"]}/datakey", new { include_plaintext = false, bytes = 16 }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        var back = await Client.PostJsonAsync($"/kms/key/{key["id"]}/decrypt", new { ciphertext = dataKey["ciphertext"]!.GetValue<string>() }).Ensure(HttpStatusCode.OK).ReadNodeAsync();

        Assert.That(dataKey.AsObject().ContainsKey("plaintext_b64"), Is.False);
        Assert.That(Convert.FromBase64String(back["plaintext_b64"]!.GetValue<string>()), Has.Length.EqualTo(16));
    }

    [TestCase(0)]
    [TestCase(1025)]
    public async Task DataKey_WithBytesOutOfRange_Returns422(int bytes)
    {
        var key = await CreateKeyAsync();

        await AssertProblem(await Client.PostJsonAsync($"/kms/key/{key["id"]}/datakey", new { bytes }), (HttpStatusCode)422, "bytes");
    }

    [TestCase("RSA2048")]
    [TestCase("RSA3072")]
    [TestCase("EC_P256")]
    public async Task SigningKey_SignsMessagesAndDigests_AndVerifies(string algorithm)
    {
        var key = await CreateKeyAsync(algorithm, usage: "sign_verify");
        var id = key["id"]!.GetValue<string>();
        var message = Json.B64("sign me");
        var digest = Convert.ToBase64String(SHA256.HashData("sign me"u8));

        var byMessage = await Client.PostJsonAsync($"/kms/key/{id}/sign", new { message_b64 = message }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        var byDigest = await Client.PostJsonAsync($"/kms/key/{id}/sign", new { digest_b64 = digest }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        var valid = await Client.PostJsonAsync($"/kms/key/{id}/verify", new { message_b64 = message, signature_b64 = byDigest["signature_b64"]!.GetValue<string>() }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        var validDigest = await Client.PostJsonAsync($"/kms/key/{id}/verify", new { digest_b64 = digest, signature_b64 = byMessage["signature_b64"]!.GetValue<string>(), version = 1 }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        var wrongMessage = await Client.PostJsonAsync($"/kms/key/{id}/verify", new { message_b64 = Json.B64("other"), signature_b64 = byMessage["signature_b64"]!.GetValue<string>() }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        var garbage = await Client.PostJsonAsync($"/kms/key/{id}/verify", new { message_b64 = message, signature_b64 = Convert.ToBase64String(new byte[10]) }).Ensure(HttpStatusCode.OK).ReadNodeAsync();

        Assert.That(byMessage["kid"]!.GetValue<string>(), Is.EqualTo(id));
        Assert.That(byMessage["version"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(byMessage["alg"]!.GetValue<string>(), Is.EqualTo(algorithm));
        Assert.That(valid["valid"]!.GetValue<bool>(), Is.True);
        Assert.That(validDigest["valid"]!.GetValue<bool>(), Is.True);
        Assert.That(wrongMessage["valid"]!.GetValue<bool>(), Is.False);
        Assert.That(garbage["valid"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task Sign_WithBothMessageAndDigest_Returns422_AndWithShortDigest_Returns422()
    {
        var key = await CreateKeyAsync("EC_P256");

        await AssertProblem(await Client.PostJsonAsync($"/kms/key/{key["id"]}/sign", new { message_b64 = Json.B64("m"), digest_b64 = Convert.ToBase64String(new byte[32]) }), (HttpStatusCode)422, "exactly one");
        await AssertProblem(await Client.PostJsonAsync($"/kms/key/{key["id"]}/sign", new { digest_b64 = Convert.ToBase64String(new byte[20]) }), (HttpStatusCode)422, "digest_b64");
    }

    [Test]
    public async Task OperationOutsideTheKeysUsage_Returns400()
    {
        var signer = await CreateKeyAsync("EC_P256");
        var aes = await CreateKeyAsync();
        var hmac = await CreateKeyAsync("HMAC_SHA256");

        await AssertProblem(await Client.PostJsonAsync($"/kms/key/{signer["id"]}/encrypt", new { plaintext_b64 = Json.B64("x") }), HttpStatusCode.BadRequest, "cannot be used for encrypt_decrypt");
        await AssertProblem(await Client.PostJsonAsync($"/kms/key/{aes["id"]}/sign", new { message_b64 = Json.B64("x") }), HttpStatusCode.BadRequest, "cannot be used for sign_verify");
        await AssertProblem(await Client.PostJsonAsync($"/kms/key/{aes["id"]}/mac", new { message_b64 = Json.B64("x") }), HttpStatusCode.BadRequest, "cannot be used for mac");
        await AssertProblem(await Client.PostJsonAsync($"/kms/key/{hmac["id"]}/decrypt", new { ciphertext_b64 = Json.B64("x") }), HttpStatusCode.BadRequest, "cannot be used for encrypt_decrypt");
    }

    [Test]
    public async Task HmacKey_MacsAndVerifiesInConstantTime_AWrongMacIsFalse()
    {
        var key = await CreateKeyAsync("HMAC_SHA256");
        var id = key["id"]!.GetValue<string>();
        var message = Json.B64("authenticate me");

        var mac = await Client.PostJsonAsync($"/kms/key/{id}/mac", new { message_b64 = message }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        var macBytes = Convert.FromBase64String(mac["mac_b64"]!.GetValue<string>());
        var valid = await Client.PostJsonAsync($"/kms/key/{id}/verify_mac", new { message_b64 = message, mac_b64 = mac["mac_b64"]!.GetValue<string>() }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        macBytes[0] ^= 1;
        var invalid = await Client.PostJsonAsync($"/kms/key/{id}/verify_mac", new { message_b64 = message, mac_b64 = Convert.ToBase64String(macBytes) }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        var truncated = await Client.PostJsonAsync($"/kms/key/{id}/verify_mac", new { message_b64 = message, mac_b64 = Convert.ToBase64String(macBytes[..16]) }).Ensure(HttpStatusCode.OK).ReadNodeAsync();

        Assert.That(key["usage"]!.GetValue<string>(), Is.EqualTo("mac"));
        Assert.That(mac["kid"]!.GetValue<string>(), Is.EqualTo(id));
        Assert.That(mac["version"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(macBytes, Has.Length.EqualTo(32));
        Assert.That(valid["valid"]!.GetValue<bool>(), Is.True);
        Assert.That(invalid["valid"]!.GetValue<bool>(), Is.False);
        Assert.That(truncated["valid"]!.GetValue<bool>(), Is.False);
    }

    [TestCase("RSA2048", "sign_verify", "RSA", "PS256")]
    [TestCase("RSA3072", "encrypt_decrypt", "RSA", "RSA-OAEP-256")]
    [TestCase("EC_P256", "sign_verify", "EC", "ES256")]
    public async Task PublicKey_ForAsymmetricKey_AnswersPemAndJwk(string algorithm, string usage, string kty, string alg)
    {
        var key = await CreateKeyAsync(algorithm, usage: usage);

        var publicKey = await Client.GetAsync($"/kms/key/{key["id"]}/public_key?version=1").Ensure(HttpStatusCode.OK).ReadNodeAsync();

        Assert.That(publicKey["kid"]!.GetValue<string>(), Is.EqualTo(key["id"]!.GetValue<string>()));
        Assert.That(publicKey["version"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(publicKey["alg"]!.GetValue<string>(), Is.EqualTo(algorithm));
        Assert.That(publicKey["pem"]!.GetValue<string>(), Does.StartWith("-----BEGIN PUBLIC KEY-----").And.Not.Contain("PRIVATE"));
        Assert.That(publicKey["jwk"]!["kty"]!.GetValue<string>(), Is.EqualTo(kty));
        Assert.That(publicKey["jwk"]!["alg"]!.GetValue<string>(), Is.EqualTo(alg));
        Assert.That(publicKey["jwk"]!.AsObject().ContainsKey("d"), Is.False, "a JWK of a public key has no private exponent");
    }

    [TestCase("AES256_GCM")]
    [TestCase("HMAC_SHA256")]
    public async Task PublicKey_ForSymmetricKey_Returns400(string algorithm)
    {
        var key = await CreateKeyAsync(algorithm);

        await AssertProblem(await Client.GetAsync($"/kms/key/{key["id"]}/public_key"), HttpStatusCode.BadRequest, "symmetric");
    }

    [Test]
    public async Task Random_AnswersTheBytesAskedFor_AndRefusesOutOfRange()
    {
        var random = await Client.PostJsonAsync("/kms/random", new { bytes = 48 }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        var again = await Client.PostJsonAsync("/kms/random", new { bytes = 48 }).Ensure(HttpStatusCode.OK).ReadNodeAsync();

        Assert.That(Convert.FromBase64String(random["random_b64"]!.GetValue<string>()), Has.Length.EqualTo(48));
        Assert.That(random["random_b64"]!.GetValue<string>(), Is.Not.EqualTo(again["random_b64"]!.GetValue<string>()));
        await AssertProblem(await Client.PostJsonAsync("/kms/random", new { bytes = 0 }), (HttpStatusCode)422);
        await AssertProblem(await Client.PostJsonAsync("/kms/random", new { bytes = 1025 }), (HttpStatusCode)422);
        await AssertProblem(await Client.PostJsonAsync("/kms/random", new { }), (HttpStatusCode)422);
    }
}
