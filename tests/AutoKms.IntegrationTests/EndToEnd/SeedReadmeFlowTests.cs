using System.Net;
using AutoKms.IntegrationTests.Support;

namespace AutoKms.IntegrationTests.EndToEnd;

/// <summary>The seed README's flow, as written, against the built service running as a process.</summary>
public sealed class SeedReadmeFlowTests
{
    [Test]
    public async Task SeedReadmeFlow_AgainstRealProcess_WorksAndSurvivesKillDashNine()
    {
        var workingDirectory = TempDirectory.Create();
        string keyId;
        string keptKeyId;
        Dictionary<string, object?> v1Ciphertext;

        await using (var service = await ServiceProcess.StartAsync(workingDirectory))
        {
            using var client = new HttpClient { BaseAddress = service.BaseAddress };

            // curl http://127.0.0.1:8000/system/healthz → {"ok": true}
            Assert.That(await client.GetStringAsync("/system/healthz"), Is.EqualTo("""{"ok":true}"""));

            // curl -X POST /kms/Key -d '{"name":"demo","algorithm":"AES256_GCM"}'
            var key = await client.PostAsync("/kms/Key", Json.Raw("""{"name":"demo","algorithm":"AES256_GCM"}""")).Ensure(HttpStatusCode.Created).ReadNodeAsync();
            keyId = key["id"]!.GetValue<string>();
            Assert.That(key["name"]!.GetValue<string>(), Is.EqualTo("demo"));
            Assert.That(key["algorithm"]!.GetValue<string>(), Is.EqualTo("AES256_GCM"));
            Assert.That(key["status"]!.GetValue<string>(), Is.EqualTo("enabled"));
            Assert.That(key["primary_version"]!.GetValue<int>(), Is.EqualTo(1));

            // PLAINTEXT=$(echo -n 'hello world' | base64); POST /kms/Key/{id}/encrypt
            var encrypted = await client.PostAsync($"/kms/Key/{keyId}/encrypt", Json.Raw($$"""{"plaintext_b64":"{{Json.B64("hello world")}}"}""")).Ensure(HttpStatusCode.OK).ReadNodeAsync();
            Assert.That(encrypted["kid"]!.GetValue<string>(), Is.EqualTo(keyId));
            Assert.That(encrypted["alg"]!.GetValue<string>(), Is.EqualTo("AES256_GCM"));
            v1Ciphertext = new()
            {
                ["ciphertext_b64"] = encrypted["ciphertext_b64"]!.GetValue<string>(),
                ["nonce_b64"] = encrypted["nonce_b64"]!.GetValue<string>(),
                ["tag_b64"] = encrypted["tag_b64"]!.GetValue<string>(),
                ["version"] = encrypted["version"]!.GetValue<int>(),
            };

            // "can be decrypted with the corresponding decrypt endpoint"
            var decrypted = await client.PostJsonAsync($"/kms/Key/{keyId}/decrypt", v1Ciphertext).Ensure(HttpStatusCode.OK).ReadNodeAsync();
            Assert.That(Json.Text(decrypted["plaintext_b64"]), Is.EqualTo("hello world"));

            // Beyond the seed: rotate, and the kill -9 right after a 201.
            await client.PostAsync($"/kms/key/{keyId}/rotate", null).Ensure(HttpStatusCode.Created);
            var kept = await client.PostJsonAsync("/kms/key", new { name = "created-right-before-kill", algorithm = "CHACHA20_POLY1305" }).Ensure(HttpStatusCode.Created).ReadNodeAsync();
            keptKeyId = kept["id"]!.GetValue<string>();
            service.KillHard();
        }

        Assert.That(File.Exists(Path.Combine(workingDirectory, "kms.db")), Is.True, "the README command keeps its database in the working directory");
        var rootKeyFile = Path.Combine(workingDirectory, "root.key");
        Assert.That(File.Exists(rootKeyFile), Is.True, "with no root key configured a development root key is generated beside the database");
        Assert.That(File.GetUnixFileMode(rootKeyFile), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));

        await using (var restarted = await ServiceProcess.StartAsync(workingDirectory))
        {
            using var client = new HttpClient { BaseAddress = restarted.BaseAddress };
            var kept = await client.GetAsync($"/kms/key/{keptKeyId}").Ensure(HttpStatusCode.OK).ReadNodeAsync();
            var rotated = await client.GetAsync($"/kms/key/{keyId}").Ensure(HttpStatusCode.OK).ReadNodeAsync();
            var decrypted = await client.PostJsonAsync($"/kms/key/{keyId}/decrypt", v1Ciphertext).Ensure(HttpStatusCode.OK).ReadNodeAsync();

            Assert.That(kept["name"]!.GetValue<string>(), Is.EqualTo("created-right-before-kill"));
            Assert.That(rotated["primary_version"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(Json.Text(decrypted["plaintext_b64"]), Is.EqualTo("hello world"));
            Assert.That(restarted.Output, Does.Not.Contain("hello world"));
            Assert.That(restarted.Output, Does.Not.Contain(Json.B64("hello world")));
        }
    }
}
