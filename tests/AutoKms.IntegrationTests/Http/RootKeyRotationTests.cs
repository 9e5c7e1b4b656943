using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Cryptography;
using AutoKms.Application.RootKeys;
using AutoKms.Domain.Keys;
using AutoKms.Infrastructure.Crypto;
using AutoKms.IntegrationTests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AutoKms.IntegrationTests.Http;

/// <summary>POST /kms/root_key/rotate: every version re-sealed under a new root key while traffic runs.</summary>
public sealed class RootKeyRotationTests
{
    [Test]
    public async Task Rotate_WhileEncryptAndDecryptTrafficRuns_AllRequestsSucceed_AndOnlyTheNewRootKeyIsNeededAfterwards()
    {
        var directory = TempDirectory.Create();
        var oldKey = WriteKeyFile(directory, "old.key");
        var newKey = WriteKeyFile(directory, "new.key");
        var keyIds = new List<string>();
        var ciphertexts = new List<(string KeyId, Dictionary<string, object?> Ciphertext, string Plaintext)>();
        string destroyedVersionId;

        using (var factory = new KmsApiFactory(directory, settings: FileProvider(oldKey)))
        using (var client = factory.CreateClient())
        {
            // Enough versions that the rotation takes a while: 8 keys, 5 versions each.
            for (var k = 0; k < 8; k++)
            {
                var keyId = (await client.PostJsonAsync("/kms/key", new { name = $"rot-{k}-{Guid.NewGuid():N}", algorithm = k % 2 == 0 ? "AES256_GCM" : "CHACHA20_POLY1305" }).Ensure(HttpStatusCode.Created).ReadNodeAsync())["id"]!.GetValue<string>();
                keyIds.Add(keyId);
                for (var v = 1; v <= 5; v++)
                {
                    ciphertexts.Add((keyId, await EncryptAsync(client, keyId, $"key {k} version {v}"), $"key {k} version {v}"));
                    if (v < 5)
                    {
                        await client.PostAsync($"/kms/key/{keyId}/rotate", null).Ensure(HttpStatusCode.Created);
                    }
                }
            }

            var versions = await client.GetAsync($"/kms/key_version?key_id={keyIds[0]}").Ensure(HttpStatusCode.OK).ReadNodeAsync();
            destroyedVersionId = versions.AsArray().First(v => v!["version"]!.GetValue<int>() == 1)!["id"]!.GetValue<string>();
            await client.DeleteAsync($"/kms/key_version/{destroyedVersionId}").Ensure(HttpStatusCode.OK);
            ciphertexts.RemoveAll(c => c.KeyId == keyIds[0] && (int)c.Ciphertext["version"]! == 1);
            var sealedBefore = CountSealedVersions(factory.DatabasePath);
            Assert.That(sealedBefore, Is.EqualTo(39));

            // Traffic: each worker encrypts and decrypts, and decrypts old ciphertexts, until the rotation is over.
            var failures = new ConcurrentQueue<string>();
            var duringRotation = 0;
            using var rotationOver = new CancellationTokenSource();
            var rotationStarted = long.MaxValue;
            var rotationEnded = long.MaxValue;
            var iterations = 0;
            var workers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                for (var i = 0; !rotationOver.IsCancellationRequested || i < 5; i++)
                {
                    var started = System.Diagnostics.Stopwatch.GetTimestamp();
                    var keyId = keyIds[(w + i) % keyIds.Count];
                    var encrypted = await client.PostJsonAsync($"/kms/key/{keyId}/encrypt", new { plaintext_b64 = Json.B64($"traffic {w} {i}") });
                    if (encrypted.StatusCode != HttpStatusCode.OK)
                    {
                        failures.Enqueue($"encrypt {(int)encrypted.StatusCode}: {await encrypted.Content.ReadAsStringAsync()}");
                        continue;
                    }

                    var answer = await encrypted.ReadNodeAsync();
                    var decrypted = await client.PostJsonAsync($"/kms/key/{keyId}/decrypt", new { ciphertext = answer["ciphertext"]!.GetValue<string>() });
                    var old = ciphertexts[(w * 7 + i) % ciphertexts.Count];
                    var decryptedOld = await client.PostJsonAsync($"/kms/key/{old.KeyId}/decrypt", old.Ciphertext);
                    foreach (var response in new[] { decrypted, decryptedOld })
                    {
                        if (response.StatusCode != HttpStatusCode.OK)
                        {
                            failures.Enqueue($"decrypt {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                        }
                    }

                    // An iteration overlapped the rotation when it started before the rotation ended and ended after it started.
                    var ended = System.Diagnostics.Stopwatch.GetTimestamp();
                    if (started < Volatile.Read(ref rotationEnded) && ended > Volatile.Read(ref rotationStarted))
                    {
                        Interlocked.Increment(ref duringRotation);
                    }

                    Interlocked.Increment(ref iterations);
                }
            })).ToList();

            while (Volatile.Read(ref iterations) < 8)
            {
                await Task.Delay(10);
            }

            Interlocked.Exchange(ref rotationStarted, System.Diagnostics.Stopwatch.GetTimestamp());
            var rotated = await client.PostJsonAsync("/kms/root_key/rotate", new { key_file = newKey }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
            Interlocked.Exchange(ref rotationEnded, System.Diagnostics.Stopwatch.GetTimestamp());
            await rotationOver.CancelAsync();
            await Task.WhenAll(workers);

            Assert.That(failures, Is.Empty);
            Assert.That(duringRotation, Is.GreaterThan(0), "traffic ran while the rotation did");
            Assert.That(rotated["resealed_versions"]!.GetValue<int>(), Is.EqualTo(sealedBefore));
            Assert.That(rotated["root_key"]!.GetValue<string>(), Is.EqualTo(newKey));
        }

        // Every blob now opens under the new root key and not under the old one.
        using (var oldRoot = RootKeyFile.Read(oldKey, "test"))
        using (var newRoot = RootKeyFile.Read(newKey, "test"))
        {
            foreach (var (context, blob) in SealedVersions(Path.Combine(directory, "kms.db")))
            {
                using var opened = AesGcmKeyMaterialSealer.UnsealWith(newRoot, context, blob);
                Assert.Throws<AuthenticationTagMismatchException>(() => AesGcmKeyMaterialSealer.UnsealWith(oldRoot, context, blob));
            }
        }

        // A restart with only the new root key decrypts every old ciphertext; the destroyed version stays destroyed.
        using (var restarted = new KmsApiFactory(directory, settings: FileProvider(newKey)))
        using (var client = restarted.CreateClient())
        {
            foreach (var (keyId, ciphertext, plaintext) in ciphertexts)
            {
                Assert.That(await DecryptAsync(client, keyId, ciphertext), Is.EqualTo(plaintext));
            }

            var destroyed = await client.GetAsync($"/kms/key_version/{destroyedVersionId}").Ensure(HttpStatusCode.OK).ReadNodeAsync();
            Assert.That(destroyed["status"]!.GetValue<string>(), Is.EqualTo("destroyed"));
        }

        using var withOldKey = new KmsApiFactory(directory, settings: FileProvider(oldKey));
        Assert.That(Assert.Catch(() => withOldKey.CreateClient())!.ToString(), Does.Contain("root key is not the one this database was sealed with"));
    }

    [Test]
    public async Task Rotate_ThatStoppedHalfway_IsRefusedAtStartWithTheNewKey_AndFinishesWhenRunAgain()
    {
        var directory = TempDirectory.Create();
        var oldKey = WriteKeyFile(directory, "old.key");
        var newKey = WriteKeyFile(directory, "new.key");
        var otherKey = WriteKeyFile(directory, "other.key");
        string keyId;
        Dictionary<string, object?> ciphertext;

        using (var factory = new KmsApiFactory(directory, settings: FileProvider(oldKey)))
        using (var client = factory.CreateClient())
        {
            keyId = (await client.PostJsonAsync("/kms/key", new { name = "half", algorithm = "AES256_GCM" }).Ensure(HttpStatusCode.Created).ReadNodeAsync())["id"]!.GetValue<string>();
            ciphertext = await EncryptAsync(client, keyId, "survives");

            // The rotation begins (the new key's check is stored, both roots unseal) and stops there.
            await using (await factory.Services.GetRequiredService<IRootKeyCustody>().BeginRotationAsync(new NewRootKey(newKey, null), CancellationToken.None))
            {
            }

            await AssertProblemAsync(client.PostJsonAsync("/kms/root_key/rotate", new { key_file = otherKey }), HttpStatusCode.Conflict, "did not finish");
        }

        using (var withNewKey = new KmsApiFactory(directory, settings: FileProvider(newKey)))
        {
            Assert.That(Assert.Catch(() => withNewKey.CreateClient())!.ToString(), Does.Contain("target of a root-key rotation that did not finish"));
        }

        using (var withOldKey = new KmsApiFactory(directory, settings: FileProvider(oldKey)))
        using (var client = withOldKey.CreateClient())
        {
            await AssertProblemAsync(client.PostJsonAsync("/kms/root_key/rotate", new { key_file = otherKey }), HttpStatusCode.Conflict, "did not finish");
            var finished = await client.PostJsonAsync("/kms/root_key/rotate", new { key_file = newKey }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
            Assert.That(finished["resealed_versions"]!.GetValue<int>(), Is.EqualTo(1));
        }

        using var restarted = new KmsApiFactory(directory, settings: FileProvider(newKey));
        using var again = restarted.CreateClient();
        Assert.That(await DecryptAsync(again, keyId, ciphertext), Is.EqualTo("survives"));
    }

    [Test]
    public async Task Rotate_ToAKeyThatCannotBeUsed_IsRefused_AndChangesNothing()
    {
        var directory = TempDirectory.Create();
        var current = WriteKeyFile(directory, "current.key");
        var readable = WriteKeyFile(directory, "readable.key");
        File.SetUnixFileMode(readable, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        using var factory = new KmsApiFactory(directory, settings: FileProvider(current));
        using var client = factory.CreateClient();
        await client.PostJsonAsync("/kms/key", new { name = "k", algorithm = "AES256_GCM" }).Ensure(HttpStatusCode.Created);

        await AssertProblemAsync(client.PostJsonAsync("/kms/root_key/rotate", new { key_file = readable }), HttpStatusCode.BadRequest, $"chmod 600 {readable}");
        await AssertProblemAsync(client.PostJsonAsync("/kms/root_key/rotate", new { key_file = Path.Combine(directory, "missing.key") }), HttpStatusCode.BadRequest, "does not exist");
        await AssertProblemAsync(client.PostJsonAsync("/kms/root_key/rotate", new { key_file = current }), HttpStatusCode.BadRequest, "is the current root key");
        await AssertProblemAsync(client.PostJsonAsync("/kms/root_key/rotate", new { }), (HttpStatusCode)422, "exactly one of 'key_file'");
        await AssertProblemAsync(client.PostJsonAsync("/kms/root_key/rotate", new { key_file = current, pkcs11_key_label = "x" }), (HttpStatusCode)422, "exactly one of 'key_file'");

        using var restarted = new KmsApiFactory(directory, settings: FileProvider(current));
        await restarted.CreateClient().GetAsync("/kms/key").Ensure(HttpStatusCode.OK);
    }

    private static Dictionary<string, string?> FileProvider(string keyFile) => new() { ["Kms:RootKeyFile"] = keyFile };

    private static string WriteKeyFile(string directory, string name)
    {
        var path = Path.Combine(directory, name);
        RootKeyFile.Create(path, RandomNumberGenerator.GetBytes(32));
        return path;
    }

    private static async Task AssertProblemAsync(Task<HttpResponseMessage> call, HttpStatusCode status, string detail)
    {
        var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), text);
        Assert.That(text, Does.Contain(detail));
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

    private static long CountSealedVersions(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM key_versions WHERE sealed_material IS NOT NULL";
        return (long)command.ExecuteScalar()!;
    }

    private static List<(SealingContext Context, byte[] Blob)> SealedVersions(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT v.key_id, v.version, k.algorithm, k.usage, v.sealed_material FROM key_versions v JOIN keys k ON k.id = v.key_id WHERE v.sealed_material IS NOT NULL";
        using var reader = command.ExecuteReader();
        var rows = new List<(SealingContext, byte[])>();
        while (reader.Read())
        {
            var context = new SealingContext(Guid.Parse(reader.GetString(0)), reader.GetInt32(1), KeyAlgorithmNames.ParseAlgorithm(reader.GetString(2)), KeyAlgorithmNames.ParseUsage(reader.GetString(3)));
            rows.Add((context, (byte[])reader.GetValue(4)));
        }

        return rows;
    }
}
