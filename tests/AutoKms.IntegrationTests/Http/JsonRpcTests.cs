using System.Net;
using System.Text.Json.Nodes;
using AutoKms.IntegrationTests.Support;

namespace AutoKms.IntegrationTests.Http;

public sealed class JsonRpcTests : ApiTestBase
{
    [Test]
    public async Task SingleCalls_RunTheSameOperationsAsRest()
    {
        var created = await Rpc("Key.create", new { name = UniqueName("rpc"), algorithm = "AES256_GCM" }, 1);
        var id = created["result"]!["id"]!.GetValue<string>();
        var encrypted = await Rpc("Key.encrypt", new { id, plaintext_b64 = Json.B64("over rpc") }, 2);
        var rotated = await Rpc("Key.rotate", new { id }, 3);
        var decrypted = await Rpc("Key.decrypt", new { id, ciphertext = encrypted["result"]!["ciphertext"]!.GetValue<string>() }, 4);
        var versions = await Rpc("KeyVersion.list", new { key_id = id }, 5);
        var rest = await Client.GetAsync($"/kms/key/{id}").Ensure(HttpStatusCode.OK).ReadNodeAsync();

        Assert.That(created["jsonrpc"]!.GetValue<string>(), Is.EqualTo("2.0"));
        Assert.That(created["id"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(rotated["result"]!["version"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(Json.Text(decrypted["result"]!["plaintext_b64"]), Is.EqualTo("over rpc"));
        Assert.That(versions["result"]!.AsArray().Select(v => v!["version"]!.GetValue<int>()), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(rest["primary_version"]!.GetValue<int>(), Is.EqualTo(2));
    }

    [TestCase("Key.list", "lmit")]
    [TestCase("Key.encrypt", "add_b64")]
    public async Task Params_AreReadAsStrictlyAsRestBodies_AnUnknownMemberIsInvalidParams(string method, string unknown)
    {
        var key = await CreateKeyAsync();
        var parameters = new JsonObject { ["id"] = key["id"]!.GetValue<string>(), ["plaintext_b64"] = "aA==", [unknown] = 10 };
        if (method == "Key.list")
        {
            parameters = new JsonObject { [unknown] = 10 };
        }

        var call = new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters, ["id"] = 1 };
        var answer = await Client.PostAsync("/kms/rpc", Json.Raw(call.ToJsonString())).Ensure(HttpStatusCode.OK).ReadNodeAsync();

        AssertError(answer, -32602, 422, $"Unknown field '{unknown}'");
    }

    [Test]
    public async Task Batch_AnswersEachCallInOrder_WithHttpErrorsMappedToJsonRpcErrors()
    {
        var key = await CreateKeyAsync();
        var body = new JsonArray
        {
            Call("Key.get", new { id = key["id"]!.GetValue<string>() }, "a"),
            Call("Key.get", new { id = Guid.NewGuid().ToString() }, "b"),
            Call("Key.get", new { id = "not-a-uuid" }, "c"),
            Call("Key.create", new { name = key["name"]!.GetValue<string>(), algorithm = "AES256_GCM" }, "d"),
            Call("Key.unknown", new { }, "e"),
            Call("Key.decrypt", new { id = key["id"]!.GetValue<string>(), ciphertext = "akms:v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" }, "f"),
            Call("Random.generate", new { bytes = 8 }, null),
        };

        var answers = (await Client.PostAsync("/kms/rpc", Json.Raw(body.ToJsonString())).Ensure(HttpStatusCode.OK).ReadNodeAsync()).AsArray();

        Assert.That(answers.Select(a => a!["id"]!.GetValue<string>()), Is.EqualTo(new[] { "a", "b", "c", "d", "e", "f" }), "the notification (no id) gets no answer");
        Assert.That(answers[0]!["result"]!["id"]!.GetValue<string>(), Is.EqualTo(key["id"]!.GetValue<string>()));
        AssertError(answers[1]!, -32004, 404, "Key not found");
        AssertError(answers[2]!, -32602, 422, "Invalid UUID for key id");
        AssertError(answers[3]!, -32009, 409, "already exists");
        Assert.That(answers[4]!["error"]!["code"]!.GetValue<int>(), Is.EqualTo(-32601));
        AssertError(answers[5]!, -32602, 400, "Decryption failed");
    }

    [TestCase("""{"method":"Key.list","id":1}""")]
    [TestCase("""{"jsonrpc":"1.0","method":"Key.list","id":1}""")]
    [TestCase("""{"jsonrpc":"2.0","method":7,"id":1}""")]
    [TestCase("""[]""")]
    [TestCase("""42""")]
    public async Task InvalidRequests_AnswerInvalidRequest(string body)
    {
        var answer = await Client.PostAsync("/kms/rpc", Json.Raw(body)).Ensure(HttpStatusCode.OK).ReadNodeAsync();

        Assert.That(answer["error"]!["code"]!.GetValue<int>(), Is.EqualTo(-32600));
    }

    [TestCase("""{"jsonrpc":"2.0","method":"\ud800","id":1}""")]
    [TestCase("""{"jsonrpc":"\ud800","method":"Key.get","id":1}""")]
    [TestCase("""{"jsonrpc":"2.0","method":"Key.create","params":{"name":"surrogate-id","algorithm":"AES256_GCM"},"id":"\ud800"}""")]
    [TestCase("""{"jsonrpc":"2.0","method":"Key.list","id":{"an":"object"}}""")]
    public async Task CallsWithUnreadableTextOrIds_AnswerInvalidRequest_AndRunNothing(string body)
    {
        var answer = await Client.PostAsync("/kms/rpc", Json.Raw(body)).Ensure(HttpStatusCode.OK).ReadNodeAsync();

        Assert.That(answer["error"]!["code"]!.GetValue<int>(), Is.EqualTo(-32600));
        Assert.That((await Client.GetAsync("/kms/key?name=surrogate-id").ReadNodeAsync()).AsArray(), Is.Empty);
    }

    [TestCase("""{"jsonrpc":"2.0","method":"Key.get","params":{"id":"\ud800"},"id":1}""", "id")]
    [TestCase("""{"jsonrpc":"2.0","method":"Key.list","params":{"name":"\udc00"},"id":1}""", "name")]
    [TestCase("""{"jsonrpc":"2.0","method":"Key.list","params":{"limit":"ten"},"id":1}""", "limit")]
    [TestCase("""{"jsonrpc":"2.0","method":"KeyVersion.list","params":{"key_id":"\ud800"},"id":1}""", "key_id")]
    public async Task ParamsThatCannotBeRead_AnswerInvalidParams_NamingTheField(string body, string field)
    {
        var answer = await Client.PostAsync("/kms/rpc", Json.Raw(body)).Ensure(HttpStatusCode.OK).ReadNodeAsync();

        Assert.That(answer["error"]!["code"]!.GetValue<int>(), Is.EqualTo(-32602), answer.ToJsonString());
        Assert.That(answer["error"]!["data"]!["errors"]!.AsObject().Select(e => e.Key), Does.Contain(field));
    }

    [Test]
    public async Task NotificationOnly_AnswersNoContent_ButStillRuns()
    {
        var name = UniqueName("notified");

        var response = await Client.PostAsync("/kms/rpc", Json.Raw(Call("Key.create", new { name, algorithm = "AES256_GCM" }, null).ToJsonString()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await Client.GetAsync($"/kms/key?name={name}").ReadNodeAsync()).AsArray(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task NotJson_AnswersParseError()
    {
        var answer = await Client.PostAsync("/kms/rpc", Json.Raw("{oops")).Ensure(HttpStatusCode.OK).ReadNodeAsync();

        Assert.That(answer["error"]!["code"]!.GetValue<int>(), Is.EqualTo(-32700));
        Assert.That(answer["id"], Is.Null);
    }

    [Test]
    public async Task Methodz_ListsEveryMethod()
    {
        var methods = (await Client.GetAsync("/system/methodz").Ensure(HttpStatusCode.OK).ReadNodeAsync())["methods"]!.AsArray().Select(m => m!.GetValue<string>()).ToList();

        // One method per REST operation: a new route without its method fails here.
        Assert.That(methods, Is.EquivalentTo(new[]
        {
            "Key.create", "Key.list", "Key.get", "Key.update", "Key.replace", "Key.delete", "Key.rotate",
            "Key.encrypt", "Key.encrypt_batch", "Key.decrypt", "Key.decrypt_batch", "Key.wrap", "Key.unwrap", "Key.rewrap", "Key.rewrap_batch", "Key.datakey",
            "Key.sign", "Key.verify", "Key.mac", "Key.verify_mac", "Key.public_key",
            "KeyVersion.create", "KeyVersion.list", "KeyVersion.get", "KeyVersion.update", "KeyVersion.delete",
            "DeletedKey.list", "DeletedKey.recover", "DeletedKey.purge", "Random.generate", "System.healthz",
        }));
        Assert.That(methods, Is.Ordered);
    }

    private static JsonObject Call(string method, object parameters, string? id)
    {
        var call = new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = System.Text.Json.JsonSerializer.SerializeToNode(parameters) };
        if (id is not null)
        {
            call["id"] = id;
        }

        return call;
    }

    private static void AssertError(JsonNode answer, int code, int status, string detail)
    {
        Assert.That(answer["result"], Is.Null, answer.ToJsonString());
        Assert.That(answer["error"]!["code"]!.GetValue<int>(), Is.EqualTo(code), answer.ToJsonString());
        Assert.That(answer["error"]!["data"]!["status"]!.GetValue<int>(), Is.EqualTo(status));
        Assert.That(answer["error"]!["message"]!.GetValue<string>(), Does.Contain(detail));
    }

    private async Task<JsonNode> Rpc(string method, object parameters, int id)
    {
        var call = new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = System.Text.Json.JsonSerializer.SerializeToNode(parameters), ["id"] = id };
        var answer = await Client.PostAsync("/kms/rpc", Json.Raw(call.ToJsonString())).Ensure(HttpStatusCode.OK).ReadNodeAsync();
        Assert.That(answer["error"], Is.Null, answer.ToJsonString());
        return answer;
    }
}
