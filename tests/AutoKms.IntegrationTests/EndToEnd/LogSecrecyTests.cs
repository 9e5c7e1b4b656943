using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using AutoKms.Application.Cryptography;
using AutoKms.Domain.Keys;
using AutoKms.Infrastructure.Crypto;
using AutoKms.IntegrationTests.Support;
using Microsoft.Data.Sqlite;

namespace AutoKms.IntegrationTests.EndToEnd;

/// <summary>
/// The whole log of a session, at the most verbose level, holds none of the secrets the session
/// used: plaintexts, AAD, key material sent or received, the bearer token (the service's bootstrap
/// token, so it is checked on every request), the root key, or the material of the keys themselves.
/// </summary>
public sealed class LogSecrecyTests
{
    [Test]
    public async Task FullSession_AtTraceLevel_LogsNoPlaintextAadKeyMaterialOrToken()
    {
        var directory = TempDirectory.Create();
        var plaintext = $"plaintext-{Guid.NewGuid():N}";
        var aad = $"aad-{Guid.NewGuid():N}";
        var message = $"message-{Guid.NewGuid():N}";
        var wrappedMaterial = RandomNumberGenerator.GetBytes(32);
        var token = $"token-{Guid.NewGuid():N}";
        var wrongToken = $"wrong-token-{Guid.NewGuid():N}";
        var secrets = new List<(string Name, string Text)>
        {
            ("plaintext", plaintext), ("aad", aad), ("message", message), ("bearer token", token), ("refused token", wrongToken),
        };

        string output;
        string aesKeyId;
        await using (var service = await ServiceProcess.StartAsync(directory, new Dictionary<string, string?>
        {
            ["Logging__LogLevel__Default"] = "Trace",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Trace",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Trace",

            // Protected mode: the token is checked on every request, not ignored.
            ["Kms__Auth__BootstrapToken"] = token,
        }))
        {
            using var client = new HttpClient { BaseAddress = service.BaseAddress };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

            using (var intruder = new HttpClient { BaseAddress = service.BaseAddress })
            {
                intruder.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", wrongToken);
                await intruder.GetAsync("/kms/key").Ensure(HttpStatusCode.Unauthorized);
            }

            aesKeyId = (await client.PostJsonAsync("/kms/key", new { name = "log-aes", algorithm = "AES256_GCM" }).Ensure(HttpStatusCode.Created).ReadNodeAsync())["id"]!.GetValue<string>();
            var encrypted = await client.PostJsonAsync($"/kms/key/{aesKeyId}/encrypt", new { plaintext_b64 = Json.B64(plaintext), aad_b64 = Json.B64(aad) }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
            var decrypted = await client.PostJsonAsync($"/kms/key/{aesKeyId}/decrypt", new { ciphertext = encrypted["ciphertext"]!.GetValue<string>(), aad_b64 = Json.B64(aad) }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
            Assert.That(Json.Text(decrypted["plaintext_b64"]), Is.EqualTo(plaintext));
            await client.PostJsonAsync($"/kms/key/{aesKeyId}/decrypt", new { ciphertext = encrypted["ciphertext"]!.GetValue<string>(), aad_b64 = Json.B64("wrong " + aad) }).Ensure(HttpStatusCode.BadRequest);

            var wrapped = await client.PostJsonAsync($"/kms/key/{aesKeyId}/wrap", new { key_material_b64 = Convert.ToBase64String(wrappedMaterial), aad_b64 = Json.B64(aad) }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
            var unwrapped = await client.PostJsonAsync($"/kms/key/{aesKeyId}/unwrap", new { ciphertext = wrapped["ciphertext"]!.GetValue<string>(), aad_b64 = Json.B64(aad) }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
            Assert.That(unwrapped["key_material_b64"]!.GetValue<string>(), Is.EqualTo(Convert.ToBase64String(wrappedMaterial)));

            var dataKey = await client.PostJsonAsync($"/kms/key/{aesKeyId}/datakey", new { bytes = 32, aad_b64 = Json.B64(aad), include_plaintext = true }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
            var dataKeyBytes = Convert.FromBase64String(dataKey["plaintext_b64"]!.GetValue<string>());

            var rpc = await client.PostAsync("/kms/rpc", Json.Raw($$"""{"jsonrpc":"2.0","method":"Key.encrypt","params":{"id":"{{aesKeyId}}","plaintext_b64":"{{Json.B64(plaintext)}}"},"id":1}""")).Ensure(HttpStatusCode.OK).ReadNodeAsync();
            Assert.That(rpc["result"], Is.Not.Null, rpc.ToJsonString());

            var ecKeyId = (await client.PostJsonAsync("/kms/key", new { name = "log-ec", algorithm = "EC_P256" }).Ensure(HttpStatusCode.Created).ReadNodeAsync())["id"]!.GetValue<string>();
            var signature = await client.PostJsonAsync($"/kms/key/{ecKeyId}/sign", new { message_b64 = Json.B64(message) }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
            var verified = await client.PostJsonAsync($"/kms/key/{ecKeyId}/verify", new { message_b64 = Json.B64(message), signature_b64 = signature["signature_b64"]!.GetValue<string>() }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
            Assert.That(verified["valid"]!.GetValue<bool>(), Is.True);

            // The console logger writes from a queue: wait for the line of one last, marked request.
            using var last = new HttpRequestMessage(HttpMethod.Get, "/system/healthz");
            last.Headers.Add("X-Request-Id", "log-secrecy-end");
            await client.SendAsync(last);
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!service.Output.Contains("log-secrecy-end", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            output = service.Output;
            AddBinary(secrets, "wrapped key material", wrappedMaterial);
            AddBinary(secrets, "data key", dataKeyBytes);
        }

        // The root key (a development root.key here) and the material of the keys themselves.
        using var rootKey = RootKeyFile.Read(Path.Combine(directory, "root.key"), "test");
        AddBinary(secrets, "root key", rootKey.Span.ToArray());
        using var aesMaterial = new AesGcmKeyMaterialSealer(rootKey).Unseal(new SealingContext(Guid.Parse(aesKeyId), 1, KeyAlgorithm.Aes256Gcm, KeyUsage.EncryptDecrypt), ReadBlob(Path.Combine(directory, "kms.db"), aesKeyId));
        AddBinary(secrets, "AES key material", aesMaterial.Span.ToArray());

        // The capture works: every route of the session left its access line, at Trace level.
        foreach (var route in new[] { "POST kms/key 201", "kms/key/{id}/encrypt 200", "kms/key/{id}/decrypt 200", "kms/key/{id}/decrypt 400", "kms/key/{id}/wrap 200", "kms/key/{id}/unwrap 200", "kms/key/{id}/datakey 200", "kms/rpc 200", "kms/key/{id}/sign 200", "\"LogLevel\":\"Trace\"" })
        {
            Assert.That(output, Does.Contain(route));
        }

        Assert.Multiple(() =>
        {
            foreach (var (name, text) in secrets)
            {
                Assert.That(output.Contains(text, StringComparison.OrdinalIgnoreCase), Is.False, $"the log holds the {name} ({text})");
            }
        });
    }

    // Text forms a secret could take in a log line: base64 (JSON escapes '+' and '/' stay readable
    // in the second form), base64url and hex.
    private static void AddBinary(List<(string Name, string Text)> secrets, string name, byte[] bytes)
    {
        var base64 = Convert.ToBase64String(bytes);
        secrets.Add((name, base64));
        secrets.Add((name, base64.Replace("+", "\\u002B", StringComparison.Ordinal)));
        secrets.Add((name, base64.TrimEnd('=').Replace('+', '-').Replace('/', '_')));
        secrets.Add((name, Convert.ToHexString(bytes)));
        secrets.Add((name, Encoding.Latin1.GetString(bytes)));
    }

    private static byte[] ReadBlob(string database, string keyId)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sealed_material FROM key_versions WHERE key_id = $key AND version = 1";
        command.Parameters.AddWithValue("$key", keyId);
        return (byte[])command.ExecuteScalar()!;
    }
}
