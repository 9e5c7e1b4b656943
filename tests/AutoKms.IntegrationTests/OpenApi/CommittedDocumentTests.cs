using System.Net;
using AutoKms.IntegrationTests.Support;

namespace AutoKms.IntegrationTests.OpenApi;

/// <summary>
/// docs/openapi.json is what the code produces: integrators read the committed file, generators
/// build on it, and CI fails when the two drift. Regenerate it with
/// <c>UPDATE_OPENAPI=1 dotnet test tests/AutoKms.IntegrationTests --filter CommittedDocument</c>.
/// </summary>
public sealed class CommittedDocumentTests : ApiTestBase
{
    public static string CommittedPath => Path.Combine(RepositoryRoot(), "docs", "openapi.json");

    [Test]
    public async Task CommittedDocument_IsExactlyWhatTheServiceServes()
    {
        var served = await Client.GetAsync("/openapi.json").Ensure(HttpStatusCode.OK);
        var text = await served.Content.ReadAsStringAsync();

        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(CommittedPath, text);
        }

        Assert.That(File.Exists(CommittedPath), Is.True, "docs/openapi.json is committed");
        var committed = await File.ReadAllTextAsync(CommittedPath);
        Assert.That(
            committed,
            Is.EqualTo(text),
            "docs/openapi.json differs from the code's document: run UPDATE_OPENAPI=1 dotnet test tests/AutoKms.IntegrationTests --filter CommittedDocument and commit it");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AutoKms.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AutoKms.sln not found above the test binaries.");
    }
}
