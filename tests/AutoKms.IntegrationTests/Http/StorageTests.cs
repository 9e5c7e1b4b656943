using System.Net;
using AutoKms.Application.Cryptography;
using AutoKms.Infrastructure.Crypto;
using AutoKms.Infrastructure.Persistence;
using AutoKms.IntegrationTests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

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
    public async Task DatabaseFiles_AreCreatedReadableAndWritableByTheOwnerOnly()
    {
        using var factory = new KmsApiFactory();
        using var client = factory.CreateClient();
        await client.PostJsonAsync("/kms/key", new { name = "mode", algorithm = "AES256_GCM" }).Ensure(HttpStatusCode.Created);

        var files = new[] { "kms.db", "kms.db-wal", "kms.db-shm" }.Select(name => Path.Combine(factory.Directory, name)).ToList();

        Assert.That(files.Where(File.Exists), Is.EquivalentTo(files), "the WAL and shared-memory files exist while the service runs");
        Assert.That(files.Select(File.GetUnixFileMode), Is.All.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
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

    [Test]
    public async Task Requests_WhileAnotherWriterHoldsTheDatabase_Answer503_AndSucceedOnceItLetsGo()
    {
        // An in-memory shared-cache database answers a held lock with SQLITE_LOCKED at once, and a
        // one-second command timeout bounds the retries: the test waits about a second per request.
        using var factory = new KmsApiFactory(settings: new Dictionary<string, string?> { ["ConnectionStrings:Kms"] = "Data Source=:memory:;Default Timeout=1" });
        using var client = factory.CreateClient();
        await client.PostJsonAsync("/kms/key", new { name = "before", algorithm = "AES256_GCM" }).Ensure(HttpStatusCode.Created);
        var database = factory.Services.GetRequiredService<SqliteDatabase>();

        await using (var holder = await database.OpenAsync(CancellationToken.None))
        await using (var held = holder.BeginTransaction(deferred: false))
        {
            await using (var write = holder.CreateCommand())
            {
                write.Transaction = held;
                write.CommandText = "UPDATE keys SET updated_at = updated_at";
                await write.ExecuteNonQueryAsync();
            }

            var create = await client.PostJsonAsync("/kms/key", new { name = "during", algorithm = "AES256_GCM" });
            var list = await client.GetAsync("/kms/key");
            var rpc = await client.PostAsync("/kms/rpc", Json.Raw("""{"jsonrpc":"2.0","method":"Key.list","params":{},"id":1}""")).ReadNodeAsync();

            await AssertBusy(create);
            await AssertBusy(list);
            Assert.That(rpc["error"]!["data"]!["status"]!.GetValue<int>(), Is.EqualTo(503), rpc.ToJsonString());
            Assert.That(rpc["error"]!["message"]!.GetValue<string>(), Is.EqualTo("The database is busy; retry the request."));
        }

        await client.PostJsonAsync("/kms/key", new { name = "during", algorithm = "AES256_GCM" }).Ensure(HttpStatusCode.Created);
    }

    private static async Task AssertBusy(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), text);
        Assert.That(System.Text.Json.Nodes.JsonNode.Parse(text)!["detail"]!.GetValue<string>(), Is.EqualTo("The database is busy; retry the request."));
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
