namespace AutoKms.IntegrationTests.EndToEnd;

/// <summary>What the service says when it starts.</summary>
public sealed class StartupMessageTests
{
    [Test]
    public async Task WithNothingConfigured_TheServiceSaysItRunsOpen_AndWhatToSet()
    {
        var folder = Support.TempDirectory.Create();
        await using var service = await ServiceProcess.StartAsync(folder);

        Assert.That(service.Output, Does.Contain("Auto KMS runs open").And.Contain("Kms:Auth:BootstrapToken"));
    }
}
