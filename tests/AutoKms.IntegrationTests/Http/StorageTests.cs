using System.Net;
using AutoKms.Application.Cryptography;
using AutoKms.Infrastructure.Crypto;
using AutoKms.IntegrationTests.Support;
using Microsoft.Data.Sqlite;

namespace AutoKms.IntegrationTests.Http;

public sealed class StorageTests
{
    [Test]
    public async Task DatabaseFile_HoldsOnlySealedMaterial_ThatOpensWithTheRootKeyAlone()
    {
        using var factory = new KmsApiFactory();
        using var client = factory.CreateClient();
        var key = await client.PostJsonAsync("/kms/key", new { name = "sealed", algorithm = "AES256_GCM" }).Ensure(HttpStatusCode.Created).ReadNodeAsync();
        var keyId = Guid.Parse(key["id"]!.GetValue<string>());
        var encrypted = await client.PostJsonAsync($"/kms/key/{keyId}/encrypt", new { plaintext_b64 = Json.B64("secret") }).Ensure(HttpStatusCode.OK).ReadNodeAsync();

        byte[] sealedMaterial;
        await using (var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Mode=ReadOnly;Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT sealed_material FROM key_versions WHERE key_id = $id AND version = 1";
            command.Parameters.AddWithValue("$id", keyId.ToString("D"));
            sealedMaterial = (byte[])(await command.ExecuteScalarAsync())!;
        }

        using var rootKey = new RootKey(factory.RootKey.ToArray());
        var sealer = new AesGcmKeyMaterialSealer(rootKey);
        var context = new SealingContext(keyId, 1, AutoKms.Domain.Keys.KeyAlgorithm.Aes256Gcm, AutoKms.Domain.Keys.KeyUsage.EncryptDecrypt);
        using var material = sealer.Unseal(context, sealedMaterial);

        // The unsealed material really is the key: it decrypts the service's ciphertext.
        using var aes = new System.Security.Cryptography.AesGcm(material.Span, 16);
        var plain = new byte[Convert.FromBase64String(encrypted["ciphertext_b64"]!.GetValue<string>()).Length];
        aes.Decrypt(
            Convert.FromBase64String(encrypted["nonce_b64"]!.GetValue<string>()),
            Convert.FromBase64String(encrypted["ciphertext_b64"]!.GetValue<string>()),
            Convert.FromBase64String(encrypted["tag_b64"]!.GetValue<string>()),
            plain);
        Assert.That(System.Text.Encoding.UTF8.GetString(plain), Is.EqualTo("secret"));

        // ...and those 32 bytes appear nowhere in the database files, nor does the root key.
        var files = Directory.GetFiles(factory.Directory, "kms.db*").Select(File.ReadAllBytes).ToList();
        Assert.That(files, Is.Not.Empty);
        Assert.That(files.Any(bytes => Contains(bytes, material.Span.ToArray())), Is.False, "bare key material found in the database file");
        Assert.That(files.Any(bytes => Contains(bytes, factory.RootKey)), Is.False, "root key found in the database file");

        // Sealing binds the key id, version and algorithm: the same blob opens as nothing else.
        Assert.Throws<System.Security.Cryptography.AuthenticationTagMismatchException>(() => sealer.Unseal(context with { Version = 2 }, sealedMaterial));
        Assert.Throws<System.Security.Cryptography.AuthenticationTagMismatchException>(() => sealer.Unseal(context with { Algorithm = AutoKms.Domain.Keys.KeyAlgorithm.ChaCha20Poly1305 }, sealedMaterial));
    }

    [Test]
    public async Task Service_StartedWithAnotherRootKey_RefusesToStart()
    {
        var directory = TempDirectory.Create();
        using (var first = new KmsApiFactory(directory))
        using (var client = first.CreateClient())
        {
            await client.PostJsonAsync("/kms/key", new { name = "k", algorithm = "AES256_GCM" }).Ensure(HttpStatusCode.Created);
        }

        using var second = new KmsApiFactory(directory);

        var error = Assert.Catch(() => second.CreateClient());
        Assert.That(error!.ToString(), Does.Contain("root key is not the one this database was sealed with"));
    }

    [Test]
    public async Task Service_RestartedWithTheSameRootKey_DecryptsWhatItEncrypted()
    {
        var directory = TempDirectory.Create();
        var rootKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        string keyId;
        Dictionary<string, object?> ciphertext;
        using (var first = new KmsApiFactory(directory, rootKey))
        using (var client = first.CreateClient())
        {
            keyId = (await client.PostJsonAsync("/kms/key", new { name = "k", algorithm = "AES256_GCM" }).Ensure(HttpStatusCode.Created).ReadNodeAsync())["id"]!.GetValue<string>();
            var encrypted = await client.PostJsonAsync($"/kms/key/{keyId}/encrypt", new { plaintext_b64 = Json.B64("persisted") }).ReadNodeAsync();
            ciphertext = new() { ["ciphertext_b64"] = encrypted["ciphertext_b64"]!.GetValue<string>(), ["nonce_b64"] = encrypted["nonce_b64"]!.GetValue<string>(), ["tag_b64"] = encrypted["tag_b64"]!.GetValue<string>(), ["version"] = 1 };
        }

        using var second = new KmsApiFactory(directory, rootKey);
        using var again = second.CreateClient();
        var decrypted = await again.PostJsonAsync($"/kms/key/{keyId}/decrypt", ciphertext).Ensure(HttpStatusCode.OK).ReadNodeAsync();

        Assert.That(Json.Text(decrypted["plaintext_b64"]), Is.EqualTo("persisted"));
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
