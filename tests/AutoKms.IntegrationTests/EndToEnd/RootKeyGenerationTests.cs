using System.Net;
using AutoKms.IntegrationTests.Support;

namespace AutoKms.IntegrationTests.EndToEnd;

/// <summary>
/// Outside Development the built service does not make up a root key for a new database unless told
/// to; the README's <c>dotnet run</c> runs in Development (launchSettings.json), where it does.
/// </summary>
public sealed class RootKeyGenerationTests
{
    [Test]
    public void Start_InProductionWithNothingConfigured_RefusesToGenerateARootKey()
    {
        var workingDirectory = TempDirectory.Create();

        var refused = Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await ServiceProcess.StartAsync(workingDirectory, new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Production" }));

        Assert.That(refused!.Message, Does.Contain("Auto KMS cannot start").And.Contain("Kms:AllowRootKeyGeneration=true"));
        Assert.That(File.Exists(Path.Combine(workingDirectory, "root.key")), Is.False);
    }

    [Test]
    public async Task Start_InProductionWithGenerationAllowed_GeneratesAnOwnerOnlyKeyFile()
    {
        var workingDirectory = TempDirectory.Create();

        await using (var service = await ServiceProcess.StartAsync(workingDirectory, new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Kms__AllowRootKeyGeneration"] = "true",
        }))
        {
            using var client = new HttpClient { BaseAddress = service.BaseAddress };
            await client.PostJsonAsync("/kms/key", new { name = "k", algorithm = "AES256_GCM" }).Ensure(HttpStatusCode.Created);
        }

        var rootKey = Path.Combine(workingDirectory, "root.key");
        Assert.That(File.GetUnixFileMode(rootKey), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        Assert.That(File.ReadAllText(rootKey).TrimEnd('\n'), Has.Length.EqualTo(44), "one line of base64");
    }
}
