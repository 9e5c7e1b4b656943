using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AutoKms.IntegrationTests.Support;

namespace AutoKms.IntegrationTests.OpenApi;

/// <summary>
/// Every request example of the document, sent as it is written (only the example ids replaced by
/// the ids of keys the CreateKey examples made), answers the documented 2xx; and the examples
/// leave the keys the others use as they were.
/// </summary>
public sealed class DocumentedExamplesTests : ApiTestBase
{
    private const string ExampleKeyId = "5e454eb6-7739-453b-9aee-21d60032a773";
    private const string ExampleVersionId = "0b6f1c52-4f1e-4c55-9a51-0c6a3d1c2e11";

    // Operations whose example is an earlier operation's answer (a ciphertext only that key can open).
    private static readonly Dictionary<string, string> AnswerOf = new(StringComparer.Ordinal)
    {
        ["Decrypt"] = "Encrypt",
        ["Rewrap"] = "Encrypt",
        ["Unwrap"] = "Wrap",
    };

    private static readonly string[] Destructive = ["DeleteKey", "DeleteKeys", "DeleteKeyVersion", "DeleteKeyVersions", "RecoverKey", "PurgeKey", "RevokeToken"];

    [Test]
    public async Task EveryRequestExample_AnswersTheDocumented2xx_AndChangesNothingItShouldNot()
    {
        var document = await Client.GetAsync("/openapi.json").Ensure(HttpStatusCode.OK).ReadNodeAsync();
        var operations = Operations(document).ToList();
        var create = operations.Single(o => o.Id == "CreateKey");
        var variants = create.Operation["requestBody"]!["content"]!["application/json"]!["examples"]!.AsObject();

        // The keys the examples are written against, made by the CreateKey examples themselves.
        var keys = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var (name, example) in variants)
        {
            keys[name] = await SendAsync("POST", "/kms/key", example!["value"]!.ToJsonString(), HttpStatusCode.Created);
        }

        var aes = keys["aes"]["id"]!.GetValue<string>();
        var answers = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        var sent = new List<string> { "CreateKey" };

        foreach (var op in operations.Where(o => o.Id != "CreateKey" && !Destructive.Contains(o.Id)).OrderBy(o => AnswerOf.ContainsKey(o.Id.Replace("Batch", string.Empty, StringComparison.Ordinal)) ? 1 : 0))
        {
            var keyId = KeyFor(op.Id, keys);
            var versionId = await VersionOfAsync(aes);
            var body = await BodyFor(op, answers, keyId, versionId);
            var answer = await SendAsync(op.Method, op.Path.Replace("{id}", op.Path.StartsWith("/kms/key_version", StringComparison.Ordinal) ? versionId : keyId, StringComparison.Ordinal), body, op.Success);
            answers[op.Id] = answer;
            sent.Add(op.Id);
        }

        var demo = await Client.GetAsync($"/kms/key/{aes}").Ensure(HttpStatusCode.OK).ReadNodeAsync();
        Assert.That(demo["name"]!.GetValue<string>(), Is.EqualTo("demo"), "no example renames the demo key");
        Assert.That(demo["status"]!.GetValue<string>(), Is.EqualTo("enabled"), "no example disables it");
        Assert.That(demo["min_decryption_version"]!.GetValue<int>(), Is.EqualTo(1));

        // The destructive examples, each against a key made for it.
        foreach (var op in operations.Where(o => Destructive.Contains(o.Id)))
        {
            var victim = (await SendAsync("POST", "/kms/key", $$"""{"name":"victim-{{Guid.NewGuid():N}}","algorithm":"AES256_GCM"}""", HttpStatusCode.Created))["id"]!.GetValue<string>();
            await Client.PostAsync($"/kms/key/{victim}/rotate", null).Ensure(HttpStatusCode.Created);
            var oldVersion = (await Client.GetAsync($"/kms/key_version?key_id={victim}").ReadNodeAsync()).AsArray()[0]!["id"]!.GetValue<string>();
            if (op.Path.StartsWith("/kms/deleted_key", StringComparison.Ordinal))
            {
                await Client.DeleteAsync($"/kms/key/{victim}").Ensure(HttpStatusCode.OK);
            }

            var body = op.Example?.ToJsonString().Replace(ExampleKeyId, victim, StringComparison.Ordinal).Replace(ExampleVersionId, oldVersion, StringComparison.Ordinal);
            var target = op.Path.StartsWith("/kms/key_version", StringComparison.Ordinal) ? oldVersion
                : op.Path.StartsWith("/kms/token", StringComparison.Ordinal) ? (await SendAsync("POST", "/kms/token", $$"""{"name":"victim-{{victim}}","scopes":["kms.verify"]}""", HttpStatusCode.Created))["id"]!.GetValue<string>()
                : victim;
            var path = op.Path.Replace("{id}", target, StringComparison.Ordinal);
            await SendAsync(op.Method, path, body, op.Success);
            sent.Add(op.Id);
        }

        Assert.That(sent, Is.EquivalentTo(operations.Select(o => o.Id)), "every operation was tried");
        await Client.GetAsync($"/kms/key/{aes}").Ensure(HttpStatusCode.OK);
    }

    private static string KeyFor(string operationId, Dictionary<string, JsonNode> keys)
    {
        var name = operationId switch
        {
            "Sign" or "Verify" or "GetPublicKey" => "ec_signing",
            "Mac" or "VerifyMac" => "hmac",
            _ => "aes",
        };
        return keys[name]["id"]!.GetValue<string>();
    }

    private async Task<string> VersionOfAsync(string keyId) =>
        (await Client.GetAsync($"/kms/key_version?key_id={keyId}").ReadNodeAsync()).AsArray()[0]!["id"]!.GetValue<string>();

    private static Task<string?> BodyFor(DocumentedOperation op, Dictionary<string, JsonNode> answers, string keyId, string versionId)
    {
        if (op.Example is null)
        {
            return Task.FromResult<string?>(null);
        }

        var single = op.Id.Replace("Batch", string.Empty, StringComparison.Ordinal);
        if (AnswerOf.TryGetValue(single, out var source))
        {
            // The example is that operation's answer example; the real answer takes its place, field for field.
            var real = answers[source].AsObject();
            var exampleItem = op.Id.EndsWith("Batch", StringComparison.Ordinal) ? op.Example["batch_input"]![0]!.AsObject() : op.Example.AsObject();
            Assert.That(exampleItem.Select(p => p.Key), Is.EquivalentTo(real.Select(p => p.Key)), $"{op.Id}'s example is shaped as the {source} answer");
            var body = op.Id.EndsWith("Batch", StringComparison.Ordinal) ? new JsonObject { ["batch_input"] = new JsonArray(real.DeepClone()) } : real.DeepClone();
            return Task.FromResult<string?>(body.ToJsonString());
        }

        return Task.FromResult<string?>(op.Example.ToJsonString()
            .Replace(ExampleKeyId, keyId, StringComparison.Ordinal)
            .Replace(ExampleVersionId, versionId, StringComparison.Ordinal));
    }

    private async Task<JsonNode> SendAsync(string method, string path, string? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), $"{method} {path} with {body}: {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    private static IEnumerable<DocumentedOperation> Operations(JsonNode document)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var success = operation!["responses"]!.AsObject().Select(r => r.Key).First(k => k.StartsWith('2'));
                var example = operation["requestBody"]?["content"]?["application/json"]?["example"];
                yield return new DocumentedOperation(operation["operationId"]!.GetValue<string>(), method.ToUpperInvariant(), path, operation, example, (HttpStatusCode)int.Parse(success, System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    private sealed record DocumentedOperation(string Id, string Method, string Path, JsonNode Operation, JsonNode? Example, HttpStatusCode Success);
}
