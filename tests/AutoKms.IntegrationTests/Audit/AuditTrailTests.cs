using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AutoKms.Application.Cryptography;
using AutoKms.Infrastructure.Crypto;
using AutoKms.IntegrationTests.Support;
using Microsoft.Data.Sqlite;

namespace AutoKms.IntegrationTests.Audit;

/// <summary>The audit trail over HTTP: what a session records, the two routes, and tampering found.</summary>
public sealed class AuditTrailTests
{
    [Test]
    public async Task Session_RecordsEachOperationWithItsVersionAndOutcome_NewestFirst_AndTheTrailVerifies()
    {
        using var factory = new KmsApiFactory();
        using var client = factory.CreateClient();
        var keyId = await CreateKeyAsync(client);
        var v1 = await client.PostJsonAsync($"/kms/key/{keyId}/encrypt", new { plaintext_b64 = Json.B64("one") }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        await client.PostAsync($"/kms/key/{keyId}/rotate", null).Ensure(HttpStatusCode.Created);
        await client.PostJsonAsync($"/kms/key/{keyId}/encrypt", new { plaintext_b64 = Json.B64("two") }).Ensure(HttpStatusCode.OK);
        await client.PostJsonAsync($"/kms/key/{keyId}/decrypt", new { ciphertext = v1["ciphertext"]!.GetValue<string>() }).Ensure(HttpStatusCode.OK);
        await client.PostJsonAsync($"/kms/key/{keyId}/decrypt", new { ciphertext = v1["ciphertext"]!.GetValue<string>(), aad_b64 = Json.B64("wrong") }).Ensure(HttpStatusCode.BadRequest);
        await client.PostJsonAsync($"/kms/key/{keyId}/encrypt", new { plaintext_b64 = "not base64!" }).Ensure(HttpStatusCode.BadRequest);
        var missing = Guid.NewGuid();
        await client.GetAsync($"/kms/key/{missing}").Ensure(HttpStatusCode.NotFound);

        var records = (await client.GetAsync($"/kms/audit?limit=1000").Ensure(HttpStatusCode.OK).ReadNodeAsync()).AsArray();
        var seqs = records.Select(r => r!["seq"]!.GetValue<long>()).ToList();
        Assert.That(seqs, Is.Ordered.Descending, "newest first");
        Assert.That(seqs, Is.EqualTo(Enumerable.Range(1, seqs.Count).Select(i => (long)i).Reverse()), "gap-free from 1");

        var ofKey = records.Select(r => r!).Where(r => r["key_id"]?.GetValue<string>() == keyId.ToString("D")).Reverse()
            .Select(r => $"{r["operation"]} {r["version"]?.GetValue<long>().ToString() ?? "-"} {r["outcome"]}").ToList();
        Assert.That(ofKey, Is.EqualTo(new[]
        {
            "CreateKey 1 ok",
            "Encrypt 1 ok",
            "RotateKey - started", "RotateKey 2 ok",
            "Encrypt 2 ok",
            "Decrypt 1 ok",
            "Decrypt 1 decryption_failed",
            "Encrypt - invalid",
        }));
        // A new key has no id until it exists: the intent is tied to its outcome by the request id.
        var created = records.Single(r => (string?)r!["operation"] == "CreateKey" && (string?)r["outcome"] == "ok")!;
        var intent = records.Single(r => (string?)r!["operation"] == "CreateKey" && (string?)r["outcome"] == "started")!;
        Assert.That((string?)intent["request_id"], Is.EqualTo((string?)created["request_id"]));
        Assert.That(intent["seq"]!.GetValue<long>(), Is.LessThan(created["seq"]!.GetValue<long>()));

        var notFound = records.Single(r => r!["key_id"]?.GetValue<string>() == missing.ToString("D"))!;
        Assert.That((string?)notFound["operation"], Is.EqualTo("GetKey"));
        Assert.That((string?)notFound["outcome"], Is.EqualTo("not_found"));
        Assert.That((string?)notFound["principal"], Is.EqualTo("local"), "open mode: every caller is the admin local");
        Assert.That((string?)notFound["request_id"], Is.Not.Empty);
        Assert.That((string?)notFound["hash"], Does.Match("^[0-9a-f]{64}$"));

        var verified = await client.GetAsync("/kms/audit/verify").Ensure(HttpStatusCode.OK).ReadNodeAsync();
        Assert.That(verified.ToJsonString(), Is.EqualTo($$"""{"ok":true,"checked":{{seqs.Count}},"first_bad_seq":null}"""));
    }

    [Test]
    public async Task BatchRequest_IsOneRecordWithTheItemCount()
    {
        using var factory = new KmsApiFactory();
        using var client = factory.CreateClient();
        var keyId = await CreateKeyAsync(client);
        await client.PostJsonAsync($"/kms/key/{keyId}/encrypt/batch", new { batch_input = new[] { new { plaintext_b64 = Json.B64("a") }, new { plaintext_b64 = Json.B64("b") }, new { plaintext_b64 = Json.B64("c") } } })
            .Ensure(HttpStatusCode.OK);

        var records = (await client.GetAsync($"/kms/audit?operation=EncryptBatch").Ensure(HttpStatusCode.OK).ReadNodeAsync()).AsArray();
        Assert.That(records, Has.Count.EqualTo(1));
        Assert.That(records[0]!["items"]!.GetValue<long>(), Is.EqualTo(3));
        Assert.That(records[0]!["version"]!.GetValue<long>(), Is.EqualTo(1));
    }

    [Test]
    public async Task List_FiltersByKeyOperationPrincipalAndTime_AndPagesBackWithBeforeSeq()
    {
        using var factory = new KmsApiFactory();
        using var client = factory.CreateClient();
        var first = await CreateKeyAsync(client);
        var second = await CreateKeyAsync(client);
        var between = DateTimeOffset.UtcNow;
        for (var i = 0; i < 3; i++)
        {
            await client.PostJsonAsync($"/kms/key/{first}/encrypt", new { plaintext_b64 = Json.B64("x") }).Ensure(HttpStatusCode.OK);
        }

        await client.PostJsonAsync($"/kms/key/{second}/encrypt", new { plaintext_b64 = Json.B64("y") }).Ensure(HttpStatusCode.OK);

        async Task<JsonArray> List(string query) => (await client.GetAsync($"/kms/audit?{query}").Ensure(HttpStatusCode.OK).ReadNodeAsync()).AsArray();

        Assert.That(await List($"key_id={first}"), Has.Count.EqualTo(4), "the creation's outcome and three encrypts");
        Assert.That(await List($"key_id={first}&operation=Encrypt"), Has.Count.EqualTo(3));
        Assert.That(await List("principal=local&operation=CreateKey"), Has.Count.EqualTo(4));
        Assert.That(await List("principal=someone-else"), Is.Empty);
        Assert.That(await List($"since={Uri.EscapeDataString(between.ToString("O"))}"), Has.Count.EqualTo(4));

        var page1 = await List("limit=2");
        var page2 = await List($"limit=2&before_seq={page1[^1]!["seq"]}");
        Assert.That(page1.Concat(page2).Select(r => r!["seq"]!.GetValue<long>()), Is.EqualTo(new long[] { 8, 7, 6, 5 }));

        var problem = await client.GetAsync("/kms/audit?limit=0");
        Assert.That(problem.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
    }

    [Test]
    public async Task Verify_WhenOneByteOfOneStoredRecordChanges_PointsAtThatRecord()
    {
        using var factory = new KmsApiFactory();
        using var client = factory.CreateClient();
        await MakeRecordsAsync(client, 6);

        await TamperAsync(factory, "UPDATE audit_log SET principal = 'anonymouz' WHERE seq = 4");

        var verified = await client.GetAsync("/kms/audit/verify").Ensure(HttpStatusCode.OK).ReadNodeAsync();
        Assert.That(verified.ToJsonString(), Is.EqualTo("""{"ok":false,"checked":4,"first_bad_seq":4}"""));
    }

    [TestCase("time", "replace(time, 'Z', 'z')")]
    [TestCase("operation", "'Decrypt'")]
    [TestCase("key_id", "upper(key_id)")]
    [TestCase("version", "version + 1")]
    [TestCase("outcome", "'denied'")]
    [TestCase("request_id", "request_id || ' '")]
    [TestCase("client_address", "'10.0.0.1'")]
    [TestCase("hash", "upper(hash)")]
    public async Task Verify_WhenAnyFieldOfARecordChanges_PointsAtThatRecord(string column, string value)
    {
        using var factory = new KmsApiFactory();
        using var client = factory.CreateClient();
        await MakeRecordsAsync(client, 5);

        // Some of these edits a parser of the value would forgive (an upper-case uuid, a lower-case
        // 'z'); the chain covers the stored bytes, so it does not.
        await TamperAsync(factory, $"UPDATE audit_log SET {column} = {value} WHERE seq = 3");

        var verified = await client.GetAsync("/kms/audit/verify").Ensure(HttpStatusCode.OK).ReadNodeAsync();
        Assert.That(verified.ToJsonString(), Is.EqualTo("""{"ok":false,"checked":3,"first_bad_seq":3}"""));
    }

    [Test]
    public async Task Verify_WhenAMiddleRecordIsDeleted_PointsAtItsPlace()
    {
        using var factory = new KmsApiFactory();
        using var client = factory.CreateClient();
        await MakeRecordsAsync(client, 6);

        await TamperAsync(factory, "DELETE FROM audit_log WHERE seq = 3");

        var verified = await client.GetAsync("/kms/audit/verify").Ensure(HttpStatusCode.OK).ReadNodeAsync();
        Assert.That(verified.ToJsonString(), Is.EqualTo("""{"ok":false,"checked":3,"first_bad_seq":3}"""));
    }

    [Test]
    public async Task Verify_WhenTwoRecordsAreSwapped_IsNotOk()
    {
        using var factory = new KmsApiFactory();
        using var client = factory.CreateClient();
        await MakeRecordsAsync(client, 6);

        // Swap records 2 and 5 whole, hashes included: each is now at a place its hash was not made for.
        await TamperAsync(factory, """
            UPDATE audit_log SET seq = -2 WHERE seq = 2;
            UPDATE audit_log SET seq = 2 WHERE seq = 5;
            UPDATE audit_log SET seq = 5 WHERE seq = -2;
            """);

        var verified = await client.GetAsync("/kms/audit/verify").Ensure(HttpStatusCode.OK).ReadNodeAsync();
        Assert.That(verified.ToJsonString(), Is.EqualTo("""{"ok":false,"checked":2,"first_bad_seq":2}"""));
    }

    [Test]
    public async Task AuditTable_AfterASession_HoldsNoPlaintextKeyMaterialAadCiphertextOrCredential()
    {
        using var factory = new KmsApiFactory();
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "tok-Secret-Bearer-Value-0123456789");
        const string plaintext = "PLAINTEXT-canary-7f3a9c";
        const string aad = "AAD-canary-51be02";
        const string wrapped = "WRAPPED-key-material-canary-aa01";
        var keyId = await CreateKeyAsync(client);
        var encrypted = await client.PostJsonAsync($"/kms/key/{keyId}/encrypt", new { plaintext_b64 = Json.B64(plaintext), aad_b64 = Json.B64(aad) }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        await client.PostJsonAsync($"/kms/key/{keyId}/decrypt", new { ciphertext = encrypted["ciphertext"]!.GetValue<string>(), aad_b64 = Json.B64(aad) }).Ensure(HttpStatusCode.OK);
        await client.PostJsonAsync($"/kms/key/{keyId}/encrypt/batch", new { batch_input = new[] { new { plaintext_b64 = Json.B64(plaintext), aad_b64 = Json.B64(aad) } } }).Ensure(HttpStatusCode.OK);
        var wrap = await client.PostJsonAsync($"/kms/key/{keyId}/wrap", new { key_material_b64 = Json.B64(wrapped), aad_b64 = Json.B64(aad) }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        var dataKey = await client.PostJsonAsync($"/kms/key/{keyId}/datakey", new { bytes = 32 }).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        await client.PostJsonAsync($"/kms/key/{keyId}/decrypt", new { ciphertext = encrypted["ciphertext"]!.GetValue<string>(), aad_b64 = Json.B64("other") }).Ensure(HttpStatusCode.BadRequest);

        using var rootKey = new RootKey(factory.RootKey.ToArray());
        byte[] sealedMaterial;
        var dump = new StringBuilder();
        var rows = 0;
        await using (var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Mode=ReadOnly;Pooling=False"))
        {
            await connection.OpenAsync();
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT * FROM audit_log";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    rows++;
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        dump.Append(reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                    }
                }
            }

            await using var material = connection.CreateCommand();
            material.CommandText = "SELECT sealed_material FROM key_versions WHERE key_id = $id AND version = 1";
            material.Parameters.AddWithValue("$id", keyId.ToString("D"));
            sealedMaterial = (byte[])(await material.ExecuteScalarAsync())!;
        }

        using var keyMaterial = new AesGcmKeyMaterialSealer(rootKey).Unseal(new SealingContext(keyId, 1, AutoKms.Domain.Keys.KeyAlgorithm.Aes256Gcm, AutoKms.Domain.Keys.KeyUsage.EncryptDecrypt), sealedMaterial);
        var text = dump.ToString();
        Assert.That(rows, Is.GreaterThanOrEqualTo(8));
        var forbidden = new Dictionary<string, string>
        {
            ["plaintext"] = plaintext,
            ["plaintext (base64)"] = Json.B64(plaintext),
            ["AAD"] = aad,
            ["AAD (base64)"] = Json.B64(aad),
            ["wrapped key material"] = wrapped,
            ["wrapped key material (base64)"] = Json.B64(wrapped),
            ["ciphertext"] = encrypted["ciphertext_b64"]!.GetValue<string>(),
            ["wrapped ciphertext"] = wrap["wrapped_key_b64"]!.GetValue<string>(),
            ["data key plaintext"] = dataKey["plaintext_b64"]!.GetValue<string>(),
            ["bearer token"] = "tok-Secret-Bearer-Value-0123456789",
            ["key material (base64)"] = Convert.ToBase64String(keyMaterial.Span),
            ["key material (hex)"] = Convert.ToHexString(keyMaterial.Span),
            ["key material (hex, lower)"] = Convert.ToHexStringLower(keyMaterial.Span),
        };
        foreach (var (what, value) in forbidden)
        {
            Assert.That(text, Does.Not.Contain(value), $"the audit table holds the {what}");
        }
    }

    [Test]
    public async Task AuditWriteFailing_FailsTheRequestWith503_AndAChangeIsNotMade()
    {
        using var factory = new KmsApiFactory();
        using var client = factory.CreateClient();
        var keyId = await CreateKeyAsync(client);
        await TamperAsync(factory, "CREATE TRIGGER audit_log_broken BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'disk says no'); END;");

        var encrypt = await client.PostJsonAsync($"/kms/key/{keyId}/encrypt", new { plaintext_b64 = Json.B64("x") });
        var rotate = await client.PostAsync($"/kms/key/{keyId}/rotate", null);

        foreach (var response in new[] { encrypt, rotate })
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), text);
            Assert.That(JsonNode.Parse(text)!["detail"]!.GetValue<string>(), Does.Contain("audit trail could not be written"));
            Assert.That(text, Does.Not.Contain("ciphertext"));
        }

        await TamperAsync(factory, "DROP TRIGGER audit_log_broken");
        var key = await client.GetAsync($"/kms/key/{keyId}").Ensure(HttpStatusCode.OK).ReadNodeAsync();
        Assert.That(key["primary_version"]!.GetValue<int>(), Is.EqualTo(1), "the rotation's intent could not be recorded, so it was not made");
        var verified = await client.GetAsync("/kms/audit/verify").Ensure(HttpStatusCode.OK).ReadNodeAsync();
        Assert.That(verified["ok"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task AuditDisabled_RecordsNothing()
    {
        using var factory = new KmsApiFactory(settings: new Dictionary<string, string?> { ["Kms:Audit:Enabled"] = "false" });
        using var client = factory.CreateClient();
        var keyId = await CreateKeyAsync(client);
        await client.PostJsonAsync($"/kms/key/{keyId}/encrypt", new { plaintext_b64 = Json.B64("x") }).Ensure(HttpStatusCode.OK);

        Assert.That((await client.GetAsync("/kms/audit").Ensure(HttpStatusCode.OK).ReadNodeAsync()).AsArray(), Is.Empty);
    }

    private static async Task<Guid> CreateKeyAsync(HttpClient client)
    {
        var key = await client.PostJsonAsync("/kms/key", new { name = $"audit-{Guid.NewGuid():N}", algorithm = "AES256_GCM" }).Ensure(HttpStatusCode.Created).ReadNodeAsync();
        return Guid.Parse(key["id"]!.GetValue<string>());
    }

    /// <summary>At least <paramref name="count"/> records: a key's creation (two) and encryptions.</summary>
    private static async Task MakeRecordsAsync(HttpClient client, int count)
    {
        var keyId = await CreateKeyAsync(client);
        for (var i = 2; i < count; i++)
        {
            await client.PostJsonAsync($"/kms/key/{keyId}/encrypt", new { plaintext_b64 = Json.B64("x") }).Ensure(HttpStatusCode.OK);
        }
    }

    /// <summary>Edits the file directly, as someone with access to it could: the append-only triggers go first.</summary>
    private static async Task TamperAsync(KmsApiFactory factory, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete; {sql}";
        await command.ExecuteNonQueryAsync();
    }
}
