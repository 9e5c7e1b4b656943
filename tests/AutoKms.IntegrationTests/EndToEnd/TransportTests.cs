using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AutoKms.IntegrationTests.Support;

namespace AutoKms.IntegrationTests.EndToEnd;

/// <summary>HTTPS from a configured certificate, and forwarded headers believed from known proxies only, on the real process.</summary>
public sealed class TransportTests
{
    [Test]
    public async Task WithAPemCertificate_TheServiceServesHttps()
    {
        using var folder = new TempFolder();
        using var certificate = SelfSigned();
        var certFile = Path.Combine(folder.Path, "tls.crt");
        var keyFile = Path.Combine(folder.Path, "tls.key");
        await File.WriteAllTextAsync(certFile, certificate.ExportCertificatePem());
        using (var key = certificate.GetRSAPrivateKey()!)
        {
            await File.WriteAllTextAsync(keyFile, key.ExportPkcs8PrivateKeyPem());
        }

        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == certificate.Thumbprint,
        };
        await using var service = await ServiceProcess.StartAsync(folder.Path, "https", ["--Kms:Tls:CertificateFile", certFile, "--Kms:Tls:KeyFile", keyFile], handler);
        using var client = new HttpClient(handler, disposeHandler: false) { BaseAddress = service.BaseAddress };

        var created = await client.PostJsonAsync("/kms/key", new { name = "over-tls", algorithm = "AES256_GCM" }).Ensure(HttpStatusCode.Created);

        Assert.That(service.BaseAddress.Scheme, Is.EqualTo("https"));
        Assert.That(created.Headers.Location!.Scheme, Is.EqualTo("https"));
    }

    [TestCase(true, "https")]
    [TestCase(false, "http")]
    public async Task ForwardedProto_IsBelievedOnlyFromAKnownProxy(bool known, string expectedScheme)
    {
        using var folder = new TempFolder();
        string[] arguments = known ? ["--Kms:ForwardedHeaders:KnownProxies:0", "127.0.0.1"] : [];
        await using var service = await ServiceProcess.StartAsync(folder.Path, "http", arguments, null);
        using var client = new HttpClient { BaseAddress = service.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/kms/key") { Content = Json.Body(new { name = "behind-proxy", algorithm = "AES256_GCM" }) };
        request.Headers.Add("X-Forwarded-Proto", "https");

        var created = await client.SendAsync(request);

        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        Assert.That(created.Headers.Location!.Scheme, Is.EqualTo(expectedScheme));
    }

    private static X509Certificate2 SelfSigned()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = TempDirectory.Create();

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // best effort
            }
        }
    }
}
