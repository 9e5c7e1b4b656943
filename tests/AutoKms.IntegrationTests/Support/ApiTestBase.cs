using System.Net;
using System.Text.Json.Nodes;

namespace AutoKms.IntegrationTests.Support;

/// <summary>One service (and one SQLite file) per fixture; each test makes its own keys.</summary>
public abstract class ApiTestBase
{
    protected KmsApiFactory Factory { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    [OneTimeSetUp]
    public void StartService()
    {
        Factory = new KmsApiFactory();
        Client = Factory.CreateClient();
    }

    [OneTimeTearDown]
    public void StopService()
    {
        Client.Dispose();
        Factory.Dispose();
    }

    protected static string UniqueName(string prefix = "key") => $"{prefix}-{Guid.NewGuid():N}";

    protected async Task<JsonNode> CreateKeyAsync(string algorithm = "AES256_GCM", string? usage = null, string? name = null)
    {
        object body = usage is null
            ? new { name = name ?? UniqueName(), algorithm }
            : new { name = name ?? UniqueName(), algorithm, usage };
        return await Client.PostJsonAsync("/kms/key", body).Ensure(HttpStatusCode.Created).ReadNodeAsync();
    }

    protected static Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string? detail = null) =>
        AssertProblemAsync(response, status, detail);

    /// <summary>The answer is problem details with this status (and, for a 422, errors) whose detail contains <paramref name="detail"/>.</summary>
    public static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), text);
        var problem = JsonNode.Parse(text)!;
        Assert.That(problem["status"]!.GetValue<int>(), Is.EqualTo((int)status));
        if (status == (HttpStatusCode)422)
        {
            Assert.That(problem["errors"]?.AsObject(), Is.Not.Null.And.Not.Empty, "a 422 names each invalid field in errors");
        }

        if (detail is not null)
        {
            Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain(detail));
        }
    }
}
