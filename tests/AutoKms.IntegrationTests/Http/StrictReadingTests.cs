using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using AutoKms.IntegrationTests.Support;

namespace AutoKms.IntegrationTests.Http;

/// <summary>Bodies are read strictly: unknown fields, strings for numbers and non-JSON bodies are refused and change nothing.</summary>
public sealed class StrictReadingTests : ApiTestBase
{
    [Test]
    public async Task Encrypt_WithATypoInAnOptionalField_Returns422NamingIt()
    {
        var key = await CreateKeyAsync();

        var response = await Client.PostAsync($"/kms/key/{key["id"]}/encrypt", Json.Raw("""{"plaintext_b64":"aGVsbG8=","add_b64":"eA=="}"""));

        await AssertProblem(response, (HttpStatusCode)422, "Unknown field 'add_b64'");
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.That(problem["errors"]!["add_b64"], Is.Not.Null);
    }

    [Test]
    public async Task UnknownFieldInsideABatchItem_Returns422NamingItsPath()
    {
        var key = await CreateKeyAsync();

        var response = await Client.PostAsync($"/kms/key/{key["id"]}/encrypt/batch", Json.Raw("""{"batch_input":[{"plaintext_b64":"aA=="},{"plaintext":"aA=="}]}"""));

        await AssertProblem(response, (HttpStatusCode)422, "Unknown field 'batch_input[1].plaintext'");
    }

    [TestCase("decrypt", """{"ciphertext_b64":"aGVsbG8=","version":"1"}""", "version")]
    [TestCase("datakey", """{"bytes":"32"}""", "bytes")]
    public async Task StringWhereAnIntegerBelongs_Returns422(string operation, string body, string field)
    {
        var key = await CreateKeyAsync();

        var response = await Client.PostAsync($"/kms/key/{key["id"]}/{operation}", Json.Raw(body));

        await AssertProblem(response, (HttpStatusCode)422, $"'{field}' must be an integer");
    }

    [Test]
    public async Task RandomWithAStringNumber_Returns422()
    {
        await AssertProblem(await Client.PostAsync("/kms/random", Json.Raw("""{"bytes":"16"}""")), (HttpStatusCode)422, "'bytes' must be an integer");
    }

    [TestCase("text/plain")]
    [TestCase("application/x-www-form-urlencoded")]
    public async Task PostWithABodyThatIsNotJson_Returns415_SayingWhatToSend(string contentType)
    {
        var key = await CreateKeyAsync();

        var response = await Client.PostAsync($"/kms/key/{key["id"]}/encrypt", Json.Raw("""{"plaintext_b64":"aA=="}""", contentType));

        await AssertProblem(response, HttpStatusCode.UnsupportedMediaType, "Content-Type: application/json");
    }

    [Test]
    public async Task PostWithABodyButNoContentType_Returns415()
    {
        var key = await CreateKeyAsync();
        var content = new ByteArrayContent("""{"plaintext_b64":"aA=="}"""u8.ToArray());

        var response = await Client.PostAsync($"/kms/key/{key["id"]}/encrypt", content);

        await AssertProblem(response, HttpStatusCode.UnsupportedMediaType, "Content-Type: application/json");
    }

    [Test]
    public async Task Rotate_WithoutBodyOrContentType_Returns201_ButWithATextBody_Returns415AndDoesNotRotate()
    {
        var key = await CreateKeyAsync();

        await Client.PostAsync($"/kms/key/{key["id"]}/rotate", null).Ensure(HttpStatusCode.Created);
        var text = await Client.PostAsync($"/kms/key/{key["id"]}/rotate", Json.Raw("rotate please", "text/plain"));

        await AssertProblem(text, HttpStatusCode.UnsupportedMediaType, "Content-Type: application/json");
        var read = await Client.GetAsync($"/kms/key/{key["id"]}").ReadNodeAsync();
        Assert.That(read["primary_version"]!.GetValue<int>(), Is.EqualTo(2));
    }

    [TestCase("{\"plaintext_b64\":\"aA==\",}", "trailing comma")]
    [TestCase("{\"plaintext_b64\":\"aA==\"", "ends before")]
    public async Task BrokenJson_Returns400_SayingWhereWithoutReaderAdvice(string body, string expected)
    {
        var key = await CreateKeyAsync();

        var response = await Client.PostAsync($"/kms/key/{key["id"]}/encrypt", Json.Raw(body));

        await AssertProblem(response, HttpStatusCode.BadRequest, expected);
        var detail = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>();
        Assert.That(detail, Does.Contain("line 1, column"));
        Assert.That(detail, Does.Not.Contain("reader").IgnoreCase.And.Not.Contain("mode").And.Not.Contain("BytePosition"));
    }

    [Test]
    public async Task ListWithALimitThatIsNotANumber_Returns422NamingTheParameter()
    {
        await AssertProblem(await Client.GetAsync("/kms/key?limit=abc"), (HttpStatusCode)422, "'limit' must be an integer");
    }

    [TestCase("/kms/key/00000000-0000-0000-0000-000000000000", "Key not found")]
    [TestCase("/kms/key_version/00000000-0000-0000-0000-000000000000", "Key version not found")]
    public async Task TheAllZeroUuid_IsAUuid_AndAnswers404(string path, string detail)
    {
        await AssertProblem(await Client.GetAsync(path), HttpStatusCode.NotFound, detail);
    }

    [Test]
    public async Task TheAllZeroUuid_OnCryptoAndLifecycleRoutes_Answers404()
    {
        const string zero = "00000000-0000-0000-0000-000000000000";

        await AssertProblem(await Client.PostJsonAsync($"/kms/key/{zero}/encrypt", new { plaintext_b64 = "aA==" }), HttpStatusCode.NotFound, "Key not found");
        await AssertProblem(await Client.PostAsync($"/kms/key/{zero}/rotate", null), HttpStatusCode.NotFound, "Key not found");
        await AssertProblem(await Client.DeleteAsync($"/kms/key/{zero}"), HttpStatusCode.NotFound, "Key not found");
        await AssertProblem(await Client.PostJsonAsync("/kms/key_version", new { key_id = zero }), HttpStatusCode.NotFound, "Key not found");
    }

    [Test]
    public async Task MalformedPathId_Returns422_InTheOriginalWords()
    {
        await AssertProblem(await Client.GetAsync("/kms/key/not-a-uuid"), (HttpStatusCode)422, "Invalid UUID for key id");
        await AssertProblem(await Client.GetAsync("/kms/key_version/not-a-uuid"), (HttpStatusCode)422, "Invalid UUID for key version id");
    }
}
