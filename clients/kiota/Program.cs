// The client flow through the Kiota-generated C# client (Generated/). Every call goes through a
// generated request builder and every body and answer is a generated model: no hand-written HTTP.
//
// Usage: dotnet run -- BASE_URL
using System.Text;
using AutoKms.Clients.KiotaFlow.Generated;
using AutoKms.Clients.KiotaFlow.Generated.Models;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

if (args.Length < 1)
{
    Console.Error.WriteLine("usage: KiotaFlow BASE_URL");
    return 2;
}

try
{
    await Flow.RunAsync(args[0]);
    Console.WriteLine("kiota flow: PASS");
    return 0;
}
catch (ProblemDetails e)
{
    Console.Error.WriteLine($"kiota flow: FAIL: the service answered {e.ResponseStatusCode} {e.Title}: {e.Detail}");
    return 1;
}
catch (Microsoft.Kiota.Abstractions.ApiException e)
{
    Console.Error.WriteLine($"kiota flow: FAIL: the service answered {e.ResponseStatusCode}: {e.GetType().Name}: {e.Message}");
    return 1;
}
catch (Exception e)
{
    Console.Error.WriteLine($"kiota flow: FAIL: {e.GetType().Name}: {e.Message}");
    return 1;
}

internal static class Flow
{
    private static readonly string Suffix = $"{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds():x}-{Guid.NewGuid().ToString("N")[..6]}";

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string Text(string? b64) => Encoding.UTF8.GetString(Convert.FromBase64String(b64 ?? string.Empty));

    private static T Present<T>(T? value, string what)
        where T : class =>
        value ?? throw new InvalidOperationException($"check failed: {what} is missing");

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
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http)
        {
            BaseUrl = baseUrl.TrimEnd('/'),
        };
        var client = new KmsApiClient(adapter);

        // CreateKey: an AES256_GCM key, 201 with the Key object.
        var key = Present(await client.Kms.Key.PostAsync(new() { Name = $"kiota-aes-{Suffix}", Algorithm = "AES256_GCM" }), "CreateKey answer");
        var id = key.Id ?? throw new InvalidOperationException("check failed: CreateKey answer has no id");
        Check(key.PrimaryVersion == 1, "CreateKey: 201 Key, primary_version is 1");
        var keyApi = client.Kms.Key[id];

        // Encrypt / Decrypt, split fields.
        const string message = "hello from Kiota";
        var first = Present(await keyApi.Encrypt.PostAsync(new() { PlaintextB64 = B64(message) }), "Encrypt answer");
        Check(first.Kid == id && first.Version == 1 && first.Alg == "AES256_GCM", "Encrypt: kid, version and alg");
        Check(first.Ciphertext?.StartsWith("akms:v1:", StringComparison.Ordinal) == true, "Encrypt: self-describing ciphertext names version 1");

        var decrypted = Present(await keyApi.Decrypt.PostAsync(new()
        {
            CiphertextB64 = first.CiphertextB64,
            NonceB64 = first.NonceB64,
            TagB64 = first.TagB64,
            Version = first.Version,
        }), "Decrypt answer");
        Check(Text(decrypted.PlaintextB64) == message, "Decrypt (split fields) round trip");

        // EncryptBatch / DecryptBatch.
        string[] texts = ["one", "two", "three"];
        var encryptedBatch = Present(await keyApi.Encrypt.Batch.PostAsync(new()
        {
            BatchInput = [new() { PlaintextB64 = B64(texts[0]) }, new() { PlaintextB64 = B64(texts[1]) }, new() { PlaintextB64 = B64(texts[2]) }],
        }), "EncryptBatch answer");
        var encryptedItems = Present(encryptedBatch.BatchResults, "EncryptBatch batch_results");
        Check(encryptedItems.Count == texts.Length, "EncryptBatch: one result per item");
        Check(encryptedItems.All(r => r.Error is null && r.Ciphertext is not null), "EncryptBatch: every item encrypted");

        var decryptedBatch = Present(await keyApi.Decrypt.Batch.PostAsync(new()
        {
            BatchInput = [new() { Ciphertext = encryptedItems[0].Ciphertext }, new() { Ciphertext = encryptedItems[1].Ciphertext }, new() { Ciphertext = encryptedItems[2].Ciphertext }],
        }), "DecryptBatch answer");
        var plaintexts = Present(decryptedBatch.BatchResults, "DecryptBatch batch_results")
            .Select(r => r.Error is null ? Text(r.PlaintextB64) : $"error: {r.Error}")
            .ToList();
        Check(plaintexts.SequenceEqual(texts), "DecryptBatch round trip, in order");

        // RotateKey: 201, no body; the first ciphertext still decrypts.
        await keyApi.Rotate.PostAsync();
        Check(true, "RotateKey answers 201");
        var again = Present(await keyApi.Decrypt.PostAsync(new() { Ciphertext = first.Ciphertext }), "Decrypt answer");
        Check(Text(again.PlaintextB64) == message, "Decrypt (self-describing) after rotation");

        var read = Present(await keyApi.GetAsync(), "GetKey answer");
        Check(read.PrimaryVersion == 2, $"GetKey: primary_version is 2 (got {read.PrimaryVersion})");

        // Sign / Verify with an EC_P256 key.
        var ec = Present(await client.Kms.Key.PostAsync(new() { Name = $"kiota-ec-{Suffix}", Algorithm = "EC_P256", Usage = "sign_verify" }), "CreateKey EC_P256 answer");
        var ecApi = client.Kms.Key[ec.Id ?? throw new InvalidOperationException("check failed: CreateKey EC_P256 answer has no id")];
        var signature = Present(await ecApi.Sign.PostAsync(new() { MessageB64 = B64(message) }), "Sign answer");
        Check(signature.Alg == "EC_P256" && !string.IsNullOrEmpty(signature.SignatureB64), "Sign: alg and signature");
        var verified = Present(await ecApi.Verify.PostAsync(new() { MessageB64 = B64(message), SignatureB64 = signature.SignatureB64 }), "Verify answer");
        Check(verified.Valid == true, "Verify: valid is true");

        // A typed problem-details error: bad base64 answers 400, raised as the generated error class.
        try
        {
            await keyApi.Encrypt.PostAsync(new() { PlaintextB64 = "!!" });
            Check(false, "Encrypt \"!!\" answers 400");
        }
        catch (ProblemDetails e)
        {
            Check(e.ResponseStatusCode == 400, $"Encrypt \"!!\" answers 400 (got {e.ResponseStatusCode})");
            Check(e.Detail?.Contains("plaintext_b64", StringComparison.Ordinal) == true, $"ProblemDetails.Detail names plaintext_b64 ({e.Detail})");
        }
    }
}
