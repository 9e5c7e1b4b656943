using System.Net;
using AutoKms.IntegrationTests.Support;

namespace AutoKms.IntegrationTests.Security;

/// <summary>With nothing configured the service runs open, but only for loopback host names and its own pages.</summary>
public sealed class OpenModeTests : ApiTestBase
{
    [TestCase("attacker.example")]
    [TestCase("kms.internal.example")]
    public async Task AForeignHostName_Answers403_DnsRebindingCannotReachTheService(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/kms/key");
        request.Headers.Host = host;

        await AssertProblem(await Client.SendAsync(request), HttpStatusCode.Forbidden, "loopback host names only");
    }

    [Test]
    public async Task ACrossSiteRotate_WithTextPlain_Answers403_AndRotatesNothing()
    {
        var key = await CreateKeyAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/kms/key/{key["id"]}/rotate") { Content = Json.Raw("x", "text/plain") };
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        await AssertProblem(await Client.SendAsync(request), HttpStatusCode.Forbidden, "another site");
        var read = await Client.GetAsync($"/kms/key/{key["id"]}").ReadNodeAsync();
        Assert.That(read["primary_version"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [TestCase("Origin", "http://localhost:3000")]
    [TestCase("Sec-Fetch-Site", "same-site")]
    public async Task AnotherOriginEvenOnLoopback_Answers403(string header, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/kms/key");
        request.Headers.Add(header, value);

        await AssertProblem(await Client.SendAsync(request), HttpStatusCode.Forbidden, "another site");
    }

    [Test]
    public async Task TheServicesOwnPages_AndNonBrowserClients_AreServed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/kms/key");
        request.Headers.Add("Origin", "http://localhost");
        request.Headers.Add("Sec-Fetch-Site", "same-origin");

        Assert.That((await Client.SendAsync(request)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Client.GetAsync("/kms/key")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("http://0.0.0.0:8000")]
    [TestCase("http://*:8000")]
    [TestCase("http://10.1.2.3:8000")]
    public void BoundBeyondLoopback_WithoutAuthentication_RefusesToStart_SayingWhatToSet(string url)
    {
        using var factory = new KmsApiFactory(settings: new Dictionary<string, string?> { ["urls"] = url });

        var error = Assert.Catch(() => factory.CreateClient());

        Assert.That(error!.ToString(), Does.Contain("Kms:Auth:BootstrapToken"));
    }

    [Test]
    public void AShortBootstrapToken_RefusesToStart()
    {
        using var factory = new KmsApiFactory(settings: new Dictionary<string, string?> { ["Kms:Auth:BootstrapToken"] = "short" });

        var error = Assert.Catch(() => factory.CreateClient());

        Assert.That(error!.ToString(), Does.Contain("at least 32 characters"));
    }

    [TestCase("Kms:Auth:Jwt:SigningKey", "-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----", "Kms:Auth:Jwt:SigningKey")]
    [TestCase("Kms:Auth:Jwt:SigningKey", "c2hvcnQ=", "Kms:Auth:Jwt:SigningKey")]
    [TestCase("Kms:Auth:Jwt:Authority", "http://idp.example", "https://")]
    [TestCase("Kms:Auth:Jwt:Authority", "https://idp.example", "Kms:Auth:Jwt:Audience is required")]
    public void UnusableJwtSettings_RefuseToStart_SayingWhy(string setting, string value, string expected)
    {
        using var factory = new KmsApiFactory(settings: new Dictionary<string, string?> { [setting] = value });

        var error = Assert.Catch(() => factory.CreateClient());

        Assert.That(error!.ToString(), Does.Contain(expected));
    }
}
