using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using AutoKms.Application.Cryptography;
using AutoKms.Domain.Keys;
using AutoKms.Infrastructure.Crypto;
using AutoKms.Infrastructure.Crypto.Pkcs11;
using AutoKms.IntegrationTests.Support;
using Microsoft.Data.Sqlite;

namespace AutoKms.IntegrationTests.EndToEnd;

/// <summary>
/// The root key as a non-extractable AES key inside a PKCS#11 token (SoftHSM2, made by
/// scripts/softhsm-init.sh): the seed flow against the built service, and what the database and
/// the configuration are worth without the token.
/// </summary>
public sealed class Pkcs11RootKeyTests
{
    [Test]
    public async Task SeedFlow_WithTheRootKeyInAToken_SurvivesARestart_AndTheDatabaseOpensWithNothingButTheToken()
    {
        var token = SoftHsm.Require();
        var directory = TempDirectory.Create();
        var environment = token.ServiceEnvironment();
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        string keyId;
        Dictionary<string, object?> v1;
        Dictionary<string, object?> v2;

        await using (var service = await ServiceProcess.StartAsync(directory, environment))
        {
            using var client = new HttpClient { BaseAddress = service.BaseAddress };
            keyId = (await client.PostAsync("/kms/Key", Json.Raw("""{"name":"demo","algorithm":"AES256_GCM"}""")).Ensure(HttpStatusCode.Created).ReadNodeAsync())["id"]!.GetValue<string>();
            v1 = await EncryptAsync(client, keyId, "hello world");
            Assert.That(await DecryptAsync(client, keyId, v1), Is.EqualTo("hello world"));

            await client.PostAsync($"/kms/key/{keyId}/rotate", null).Ensure(HttpStatusCode.Created);
            v2 = await EncryptAsync(client, keyId, "after rotation");
            Assert.That(v2["version"], Is.EqualTo(2));
            Assert.That(await DecryptAsync(client, keyId, v1), Is.EqualTo("hello world"), "the old ciphertext after the rotation");
        }

        await using (var restarted = await ServiceProcess.StartAsync(directory, environment))
        {
            using var client = new HttpClient { BaseAddress = restarted.BaseAddress };
            Assert.That(await DecryptAsync(client, keyId, v1), Is.EqualTo("hello world"));
            Assert.That(await DecryptAsync(client, keyId, v2), Is.EqualTo("after rotation"));
        }

        // The sealed blob is the real material, sealed inside the token: the token opens it...
        var sealedV1 = ReadSealedMaterial(Path.Combine(directory, "kms.db"), keyId, 1);
        using var hsm = new Pkcs11Token(token.Library, token.TokenLabel, Pkcs11Token.ReadPinFile(token.PinFile));
        var handle = hsm.FindAesKey(token.KeyLabel) ?? throw new AssertionException("the root key is not in the token");
        using var rootKey = new Pkcs11RootKey(hsm, handle, token.KeyLabel);
        var context = new SealingContext(Guid.Parse(keyId), 1, KeyAlgorithm.Aes256Gcm, KeyUsage.EncryptDecrypt);
        using var material = AesGcmKeyMaterialSealer.UnsealWith(rootKey, context, sealedV1);
        Assert.That(OpenWith(material.Span, v1), Is.EqualTo("hello world"), "the unsealed material decrypts the service's ciphertext");
        var tampered = sealedV1.ToArray();
        tampered[^1] ^= 1;
        Assert.Throws<AuthenticationTagMismatchException>(() => AesGcmKeyMaterialSealer.UnsealWith(rootKey, context, tampered), "the token's answer to a bad tag is an authentication failure");
        Assert.Throws<AuthenticationTagMismatchException>(() => AesGcmKeyMaterialSealer.UnsealWith(rootKey, context with { Version = 2 }, sealedV1));

        // ...but nothing outside it does: the material is in no database file,
        var files = Directory.GetFiles(directory, "kms.db*").Select(File.ReadAllBytes).ToList();
        Assert.That(files.Any(bytes => bytes.AsSpan().IndexOf(material.Span) >= 0), Is.False, "key material found in the database files");

        // the configuration names a library, a token, a PIN file and a label: no key,
        Assert.That(environment.Values.Any(v => v is not null && v.Length >= 32 && IsKeyText(v)), Is.False);

        // a 32-byte key in place of the token opens no blob,
        using var anyKey = new RootKey(RandomNumberGenerator.GetBytes(32));
        Assert.Throws<AuthenticationTagMismatchException>(() => AesGcmKeyMaterialSealer.UnsealWith(anyKey, context, sealedV1));

        // and a copy of the database behind the file provider, with any 32-byte key, does not start.
        var copy = TempDirectory.Create();
        foreach (var file in Directory.GetFiles(directory, "kms.db*"))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        var refused = Assert.ThrowsAsync<InvalidOperationException>(async () => await ServiceProcess.StartAsync(copy, new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Kms__RootKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        }));
        Assert.That(refused!.Message, Does.Contain("root key is not the one this database was sealed with"));
    }

    [Test]
    public void Start_WithATokenKeyThatCanLeaveTheToken_RefusesIt()
    {
        var token = SoftHsm.Require();
        var label = $"extractable-{Guid.NewGuid():N}";
        var pin = File.ReadAllText(token.PinFile).Trim();
        var info = new ProcessStartInfo("pkcs11-tool") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--module", token.Library, "--token-label", token.TokenLabel, "--login", "--pin", pin, "--keygen", "--key-type", "AES:32", "--label", label, "--extractable" })
        {
            info.ArgumentList.Add(argument);
        }

        using (var process = Process.Start(info)!)
        {
            process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.That(process.ExitCode, Is.Zero, "pkcs11-tool made the extractable key");
        }

        using var factory = new KmsApiFactory(settings: token.ServiceSettings(label));

        var refused = Assert.Catch(() => factory.CreateClient());
        Assert.That(refused!.ToString(), Does.Contain($"The key '{label}'").And.Contain("cannot be the root key"));
    }

    [Test]
    public async Task Start_WithAMissingTokenKey_GeneratesItInTheTokenOnlyWhenAllowed()
    {
        var token = SoftHsm.Require();
        var label = $"generated-{Guid.NewGuid():N}";
        var production = token.ServiceSettings(label);
        production["environment"] = "Production";

        using (var refusing = new KmsApiFactory(settings: production))
        {
            var refused = Assert.Catch(() => refusing.CreateClient());
            Assert.That(refused!.ToString(), Does.Contain($"no AES key labelled '{label}'").And.Contain("Kms:AllowRootKeyGeneration=true"));
        }

        var directory = TempDirectory.Create();
        production["Kms:AllowRootKeyGeneration"] = "true";
        string keyId;
        Dictionary<string, object?> ciphertext;
        using (var generating = new KmsApiFactory(directory, settings: production))
        using (var client = generating.CreateClient())
        {
            keyId = (await client.PostJsonAsync("/kms/key", new { name = "k", algorithm = "AES256_GCM" }).Ensure(HttpStatusCode.Created).ReadNodeAsync())["id"]!.GetValue<string>();
            ciphertext = await EncryptAsync(client, keyId, "sealed in the token");
        }

        production.Remove("Kms:AllowRootKeyGeneration");
        using var again = new KmsApiFactory(directory, settings: production);
        using var reopened = again.CreateClient();
        Assert.That(await DecryptAsync(reopened, keyId, ciphertext), Is.EqualTo("sealed in the token"));

        using var hsm = new Pkcs11Token(token.Library, token.TokenLabel, Pkcs11Token.ReadPinFile(token.PinFile));
        Assert.That(hsm.FindAesKey(label), Is.Not.Null, "the generated key is a sensitive, non-extractable token key");
    }

    [Test]
    public async Task RotateRootKey_FromAFileIntoTheToken_LeavesADatabaseOnlyTheTokenOpens()
    {
        var token = SoftHsm.Require();
        var label = $"migrated-{Guid.NewGuid():N}";
        var directory = TempDirectory.Create();
        var keyFile = Path.Combine(directory, "root.key");
        RootKeyFile.Create(keyFile, RandomNumberGenerator.GetBytes(32));

        // The file provider, with the token configured beside it for the rotation to reach.
        var fileSettings = token.ServiceSettings(label);
        fileSettings.Remove("Kms:RootKeyProvider");
        fileSettings.Remove("Kms:Pkcs11:KeyLabel");
        fileSettings["Kms:RootKeyFile"] = keyFile;
        string keyId;
        Dictionary<string, object?> ciphertext;
        using (var onFile = new KmsApiFactory(directory, settings: fileSettings))
        using (var client = onFile.CreateClient())
        {
            keyId = (await client.PostJsonAsync("/kms/key", new { name = "k", algorithm = "AES256_GCM" }).Ensure(HttpStatusCode.Created).ReadNodeAsync())["id"]!.GetValue<string>();
            ciphertext = await EncryptAsync(client, keyId, "moved into the HSM");
            var rotated = await client.PostJsonAsync("/kms/root_key/rotate", new { pkcs11_key_label = label }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
            Assert.That(rotated["root_key"]!.GetValue<string>(), Does.Contain(label));
            Assert.That(rotated["resealed_versions"]!.GetValue<int>(), Is.EqualTo(1));
        }

        File.Delete(keyFile);
        using var onToken = new KmsApiFactory(directory, settings: token.ServiceSettings(label));
        using var reopened = onToken.CreateClient();
        Assert.That(await DecryptAsync(reopened, keyId, ciphertext), Is.EqualTo("moved into the HSM"));
    }

    private static async Task<Dictionary<string, object?>> EncryptAsync(HttpClient client, string keyId, string text)
    {
        var encrypted = await client.PostJsonAsync($"/kms/key/{keyId}/encrypt", new { plaintext_b64 = Json.B64(text) }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        return new()
        {
            ["ciphertext_b64"] = encrypted["ciphertext_b64"]!.GetValue<string>(),
            ["nonce_b64"] = encrypted["nonce_b64"]!.GetValue<string>(),
            ["tag_b64"] = encrypted["tag_b64"]!.GetValue<string>(),
            ["version"] = encrypted["version"]!.GetValue<int>(),
        };
    }

    private static async Task<string> DecryptAsync(HttpClient client, string keyId, Dictionary<string, object?> ciphertext) =>
        Json.Text((await client.PostJsonAsync($"/kms/key/{keyId}/decrypt", ciphertext).Ensure(HttpStatusCode.OK).ReadNodeAsync())["plaintext_b64"]);

    private static string OpenWith(ReadOnlySpan<byte> key, Dictionary<string, object?> ciphertext)
    {
        var data = Convert.FromBase64String((string)ciphertext["ciphertext_b64"]!);
        var plain = new byte[data.Length];
        using var aes = new AesGcm(key, 16);
        aes.Decrypt(Convert.FromBase64String((string)ciphertext["nonce_b64"]!), data, Convert.FromBase64String((string)ciphertext["tag_b64"]!), plain);
        return System.Text.Encoding.UTF8.GetString(plain);
    }

    private static byte[] ReadSealedMaterial(string database, string keyId, int version)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sealed_material FROM key_versions WHERE key_id = $id AND version = $version";
        command.Parameters.AddWithValue("$id", keyId);
        command.Parameters.AddWithValue("$version", version);
        return (byte[])command.ExecuteScalar()!;
    }

    // Base64 or hex of 32 bytes: what a key in the configuration would look like.
    private static bool IsKeyText(string value) =>
        (value.Length == 44 && Convert.TryFromBase64String(value, new byte[32], out var n) && n == 32) ||
        (value.Length == 64 && value.All(Uri.IsHexDigit));
}
