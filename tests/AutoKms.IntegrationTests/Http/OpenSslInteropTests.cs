using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using AutoKms.IntegrationTests.Support;

namespace AutoKms.IntegrationTests.Http;

/// <summary>
/// The service's RSA-OAEP, RSA-PSS and ECDSA output checked by an independent implementation:
/// the openssl command line, against the PEM the service exports.
/// </summary>
public sealed class OpenSslInteropTests : ApiTestBase
{
    private string _work = null!;

    [SetUp]
    public void RequireOpenSsl()
    {
        _work = TempDirectory.Create();
        var (code, _) = OpenSsl("version");
        Assert.That(code, Is.EqualTo(0), "openssl is required for the interoperability tests (.ci/run installs it)");
    }

    [TestCase("RSA2048")]
    [TestCase("RSA3072")]
    public async Task RsaOaepSha256_CiphertextMadeByOpenSslWithTheExportedPem_DecryptsInTheService(string algorithm)
    {
        var key = await CreateKeyAsync(algorithm);
        var pem = await PemAsync(key);
        await File.WriteAllTextAsync(Path.Combine(_work, "message.bin"), "interop secret");

        var (code, output) = OpenSsl("pkeyutl", "-encrypt", "-pubin", "-inkey", pem, "-in", "message.bin", "-out", "ct.bin",
            "-pkeyopt", "rsa_padding_mode:oaep", "-pkeyopt", "rsa_oaep_md:sha256", "-pkeyopt", "rsa_mgf1_md:sha256");
        Assert.That(code, Is.EqualTo(0), output);

        var ciphertext = Convert.ToBase64String(await File.ReadAllBytesAsync(Path.Combine(_work, "ct.bin")));
        var decrypted = await Client.PostJsonAsync($"/kms/key/{key["id"]}/decrypt", new { ciphertext_b64 = ciphertext }).Ensure(HttpStatusCode.OK).ReadNodeAsync();

        Assert.That(Json.Text(decrypted["plaintext_b64"]), Is.EqualTo("interop secret"));
    }

    [TestCase("RSA2048")]
    [TestCase("RSA3072")]
    public async Task RsaPssSha256_SignatureMadeByTheService_VerifiesWithOpenSsl(string algorithm)
    {
        var key = await CreateKeyAsync(algorithm, usage: "sign_verify");
        var pem = await PemAsync(key);
        var signature = await SignAsync(key, "signed by auto kms");

        var (code, output) = OpenSsl("pkeyutl", "-verify", "-pubin", "-inkey", pem, "-in", "digest.bin", "-sigfile", "sig.bin",
            "-pkeyopt", "digest:sha256", "-pkeyopt", "rsa_padding_mode:pss", "-pkeyopt", "rsa_pss_saltlen:32");

        Assert.That(signature, Is.Not.Empty);
        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("Signature Verified Successfully"));
    }

    [Test]
    public async Task EcdsaP256_SignatureMadeByTheService_VerifiesWithOpenSsl_AndATamperedOneDoesNot()
    {
        var key = await CreateKeyAsync("EC_P256");
        var pem = await PemAsync(key);
        var signature = await SignAsync(key, "signed by auto kms");

        var (code, output) = OpenSsl("pkeyutl", "-verify", "-pubin", "-inkey", pem, "-in", "digest.bin", "-sigfile", "sig.bin");
        await File.WriteAllBytesAsync(Path.Combine(_work, "digest.bin"), SHA256.HashData("something else"u8));
        var (tamperedCode, tamperedOutput) = OpenSsl("pkeyutl", "-verify", "-pubin", "-inkey", pem, "-in", "digest.bin", "-sigfile", "sig.bin");

        Assert.That(signature, Is.Not.Empty);
        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("Signature Verified Successfully"));
        Assert.That(tamperedCode, Is.Not.EqualTo(0), tamperedOutput);
    }

    [Test]
    public async Task EcdsaP256_SignatureMadeByOpenSslWithAnotherKey_DoesNotVerifyInTheService()
    {
        var key = await CreateKeyAsync("EC_P256");
        OpenSsl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "other.pem");
        await File.WriteAllBytesAsync(Path.Combine(_work, "digest.bin"), SHA256.HashData("m"u8));
        var (code, output) = OpenSsl("pkeyutl", "-sign", "-inkey", "other.pem", "-in", "digest.bin", "-out", "foreign.sig");
        Assert.That(code, Is.EqualTo(0), output);

        var verdict = await Client.PostJsonAsync($"/kms/key/{key["id"]}/verify", new
        {
            message_b64 = Json.B64("m"),
            signature_b64 = Convert.ToBase64String(await File.ReadAllBytesAsync(Path.Combine(_work, "foreign.sig"))),
        }).Ensure(HttpStatusCode.OK).ReadNodeAsync();

        Assert.That(verdict["valid"]!.GetValue<bool>(), Is.False);
    }

    private async Task<string> PemAsync(System.Text.Json.Nodes.JsonNode key)
    {
        var publicKey = await Client.GetAsync($"/kms/key/{key["id"]}/public_key").Ensure(HttpStatusCode.OK).ReadNodeAsync();
        var path = Path.Combine(_work, "public.pem");
        await File.WriteAllTextAsync(path, publicKey["pem"]!.GetValue<string>());
        return "public.pem";
    }

    private async Task<byte[]> SignAsync(System.Text.Json.Nodes.JsonNode key, string message)
    {
        var signed = await Client.PostJsonAsync($"/kms/key/{key["id"]}/sign", new { message_b64 = Json.B64(message) }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        var signature = Convert.FromBase64String(signed["signature_b64"]!.GetValue<string>());
        await File.WriteAllBytesAsync(Path.Combine(_work, "sig.bin"), signature);
        await File.WriteAllBytesAsync(Path.Combine(_work, "digest.bin"), SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(message)));
        return signature;
    }

    private (int Code, string Output) OpenSsl(params string[] arguments)
    {
        var info = new ProcessStartInfo("openssl") { WorkingDirectory = _work, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, ex.Message);
        }
    }
}
