using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Data.Sqlite;

namespace AutoKms.IntegrationTests.Support;

/// <summary>
/// Hosts the real service in memory over a real SQLite file in a fresh temporary folder, with a
/// root key the test knows (so tests can prove what is and is not in the file).
/// </summary>
public sealed class KmsApiFactory : WebApplicationFactory<Program>
{
    public KmsApiFactory(string? directory = null, byte[]? rootKey = null, IDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        Clock = clock;
        Directory = directory ?? TempDirectory.Create();
        RootKey = rootKey ?? RandomNumberGenerator.GetBytes(32);
        Settings = settings ?? new Dictionary<string, string?>();
    }

    public string Directory { get; }

    public string DatabasePath => Path.Combine(Directory, "kms.db");

    public byte[] RootKey { get; }

    /// <summary>A clock the test moves, replacing the system clock (for rotation schedules and retention windows).</summary>
    public TimeProvider? Clock { get; }

    private IDictionary<string, string?> Settings { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Kms", $"Data Source={DatabasePath}");
        // A test that configures another root-key provider gets no Kms:RootKey beside it.
        if (!Settings.ContainsKey("Kms:RootKeyProvider") && !Settings.ContainsKey("Kms:RootKeyFile"))
        {
            builder.UseSetting("Kms:RootKey", Convert.ToBase64String(RootKey));
        }

        builder.UseSetting("Logging:LogLevel:Default", "Warning");

        // Tests create keys far faster than any caller should; the limits have tests of their own.
        builder.UseSetting("Kms:RateLimits:KeyWrites:PermitsPerSecond", "0");
        builder.UseSetting("Kms:RateLimits:Admin:PermitsPerSecond", "0");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (Clock is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(Clock));
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
    }
}
