using System.Net;
using AutoKms.IntegrationTests.Support;

namespace AutoKms.IntegrationTests.Http;

/// <summary>Each layer binds its slice of the <c>Kms</c> section once and checks it at start-up.</summary>
public sealed class SettingsTests
{
    [TestCase("Kms:MaxEncryptionsPerVersion", "0")]
    [TestCase("Kms:MaxEncryptionsPerVersion", "4294967297")]
    [TestCase("Kms:MaxEncryptionsPerVersion", "lots")]
    [TestCase("Kms:DeletedKeyRetentionDays", "-1")]
    [TestCase("Kms:DeletedKeyRetentionDays", "3651")]
    [TestCase("Kms:MaxRequestBodyBytes", "0")]
    [TestCase("Kms:MaintenanceIntervalSeconds", "often")]
    [TestCase("Kms:Database:Provider", "mysql")]
    public void Service_WithABadSetting_RefusesToStart_NamingIt_BeforeTheDatabaseIsTouched(string setting, string value)
    {
        using var factory = new KmsApiFactory(settings: new Dictionary<string, string?> { [setting] = value });

        var error = Assert.Catch(() => factory.CreateClient());

        Assert.That(error!.ToString(), Does.Contain(setting));
        Assert.That(File.Exists(factory.DatabasePath), Is.False, "settings are checked before the database file is created");
    }

    [Test]
    public async Task MaxRequestBodyBytes_FromConfiguration_LimitsTheBody()
    {
        using var factory = new KmsApiFactory(settings: new Dictionary<string, string?> { ["Kms:MaxRequestBodyBytes"] = "200" });
        using var client = factory.CreateClient();

        var small = await client.PostJsonAsync("/kms/key", new { name = "small", algorithm = "AES256_GCM" });
        var large = await client.PostJsonAsync("/kms/key", new { name = new string('n', 300), algorithm = "AES256_GCM" });

        Assert.That(small.StatusCode, Is.EqualTo(HttpStatusCode.Created), await small.Content.ReadAsStringAsync());
        Assert.That(large.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge), await large.Content.ReadAsStringAsync());
    }

    [Test]
    public void Postgres_WithoutAConnectionString_RefusesToStart_NamingIt()
    {
        using var factory = new KmsApiFactory(settings: new Dictionary<string, string?> { ["Kms:Database:Provider"] = "postgres", ["ConnectionStrings:Kms"] = "" });

        var error = Assert.Catch(() => factory.CreateClient());

        Assert.That(error!.ToString(), Does.Contain("ConnectionStrings:Kms is required with Kms:Database:Provider=postgres"));
    }

    [Test]
    public void Postgres_WithAMalformedConnectionString_RefusesToStart_WithoutEchoingIt()
    {
        using var factory = new KmsApiFactory(settings: new Dictionary<string, string?> { ["Kms:Database:Provider"] = "postgres", ["ConnectionStrings:Kms"] = "Host=db;Password=hunter2;Frobnicate=yes" });

        var error = Assert.Catch(() => factory.CreateClient());

        Assert.That(error!.ToString(), Does.Contain("ConnectionStrings:Kms is not a valid Npgsql connection string"));
        Assert.That(error.ToString(), Does.Not.Contain("hunter2"));
    }
}
