// The client flow through the NSwag-generated C# client (Generated/KmsClient.g.cs, System.Text.Json).
// Every call is a generated method and every body and answer a generated type: no hand-written HTTP.
//
// Usage: dotnet run -- BASE_URL
using System.Text;
using AutoKms.Clients.NSwagFlow.Generated;

if (args.Length < 1)
{
    Console.Error.WriteLine("usage: NSwagFlow BASE_URL");
    return 2;
}

try
{
    await Flow.RunAsync(args[0]);
    Console.WriteLine("nswag flow: PASS");
    return 0;
}
catch (ApiException<ProblemDetails> e)
{
    Console.Error.WriteLine($"nswag flow: FAIL: the service answered {e.StatusCode} {e.Result.Title}: {e.Result.Detail}");
    return 1;
}
catch (ApiException e)
{
    Console.Error.WriteLine($"nswag flow: FAIL: the service answered {e.StatusCode}: {e.Message.Split('\n')[0]} {e.Response}");
    return 1;
}
catch (Exception e)
{
    Console.Error.WriteLine($"nswag flow: FAIL: {e.GetType().Name}: {e.Message}");
    return 1;
}

internal static class Flow
{
    private static readonly string Suffix = $"{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds():x}-{Guid.NewGuid().ToString("N")[..6]}";

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string Text(string? b64) => Encoding.UTF8.GetString(Convert.FromBase64String(b64 ?? string.Empty));

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"check failed: {what}");
        }

        Console.WriteLine($"  ok   {what}");
    }

    public static async Task RunAsync(string baseUrl)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var client = new KmsClient(http) { BaseUrl = baseUrl };

        // CreateKey: an AES256_GCM key, 201 with the Key object.
        var key = await client.CreateKeyAsync(new() { Name = $"nswag-aes-{Suffix}", Algorithm = "AES256_GCM" });
        var id = key.Id;
        Check(key.Primary_version == 1, "CreateKey: 201 Key, primary_version is 1");

        // Encrypt / Decrypt, split fields.
        const string message = "hello from NSwag";
        var first = await client.EncryptAsync(id, new() { Plaintext_b64 = B64(message) });
        Check(first.Kid == id && first.Version == 1 && first.Alg == "AES256_GCM", "Encrypt: kid, version and alg");
        Check(first.Ciphertext.StartsWith("akms:v1:", StringComparison.Ordinal), "Encrypt: self-describing ciphertext names version 1");

        var decrypted = await client.DecryptAsync(id, new()
        {
            Ciphertext_b64 = first.Ciphertext_b64,
            Nonce_b64 = first.Nonce_b64,
            Tag_b64 = first.Tag_b64,
            Version = first.Version,
        });
        Check(Text(decrypted.Plaintext_b64) == message, "Decrypt (split fields) round trip");

        // EncryptBatch / DecryptBatch.
        string[] texts = ["one", "two", "three"];
        var encryptedBatch = await client.EncryptBatchAsync(id, new()
        {
            Batch_input = [new() { Plaintext_b64 = B64(texts[0]) }, new() { Plaintext_b64 = B64(texts[1]) }, new() { Plaintext_b64 = B64(texts[2]) }],
        });
        var encryptedItems = encryptedBatch.Batch_results.ToList();
        Check(encryptedItems.Count == texts.Length, "EncryptBatch: one result per item");
        Check(encryptedItems.All(r => r.Error is null && r.Ciphertext is not null), "EncryptBatch: every item encrypted");

        var decryptedBatch = await client.DecryptBatchAsync(id, new()
        {
            Batch_input = [new() { Ciphertext = encryptedItems[0].Ciphertext }, new() { Ciphertext = encryptedItems[1].Ciphertext }, new() { Ciphertext = encryptedItems[2].Ciphertext }],
        });
        var plaintexts = decryptedBatch.Batch_results.Select(r => r.Error is null ? Text(r.Plaintext_b64) : $"error: {r.Error}").ToList();
        Check(plaintexts.SequenceEqual(texts), "DecryptBatch round trip, in order");

        // RotateKey: 201, no body; the first ciphertext still decrypts.
        await client.RotateKeyAsync(id);
        Check(true, "RotateKey answers 201");
        var again = await client.DecryptAsync(id, new() { Ciphertext = first.Ciphertext });
        Check(Text(again.Plaintext_b64) == message, "Decrypt (self-describing) after rotation");

        var read = await client.GetKeyAsync(id);
        Check(read.Primary_version == 2, $"GetKey: primary_version is 2 (got {read.Primary_version})");

        // Sign / Verify with an EC_P256 key.
        var ec = await client.CreateKeyAsync(new() { Name = $"nswag-ec-{Suffix}", Algorithm = "EC_P256", Usage = "sign_verify" });
        var signature = await client.SignAsync(ec.Id, new() { Message_b64 = B64(message) });
        Check(signature.Alg == "EC_P256" && !string.IsNullOrEmpty(signature.Signature_b64), "Sign: alg and signature");
        var verified = await client.VerifyAsync(ec.Id, new() { Message_b64 = B64(message), Signature_b64 = signature.Signature_b64 });
        Check(verified.Valid == true, "Verify: valid is true");

        // A typed problem-details error: bad base64 answers 400.
        try
        {
            await client.EncryptAsync(id, new() { Plaintext_b64 = "!!" });
            Check(false, "Encrypt \"!!\" answers 400");
        }
        catch (ApiException<ProblemDetails> e)
        {
            Check(e.StatusCode == 400, $"Encrypt \"!!\" answers 400 (got {e.StatusCode})");
            Check(e.Result.Detail?.Contains("plaintext_b64", StringComparison.Ordinal) == true, $"ApiException<ProblemDetails>.Result.Detail names plaintext_b64 ({e.Result.Detail})");
        }
    }
}
