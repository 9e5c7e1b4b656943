using System.Security.Cryptography;
using AutoKms.Infrastructure.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AutoKms.Infrastructure.Crypto;

/// <summary>
/// Finds the root key: <c>Kms:RootKey</c> (base64), else <c>Kms:RootKeyFile</c>, else
/// <c>root.key</c> beside the database, generated (mode 0600) for a new database in the
/// Development environment or when <c>Kms:AllowRootKeyGeneration</c> is true, with a warning
/// that this is a development setup.
/// </summary>
public sealed partial class RootKeyLoader(IOptions<KmsOptions> settings, SqliteDatabase database, IHostEnvironment environment, ILogger<RootKeyLoader> logger)
{
    public const string DefaultFileName = "root.key";

    public RootKey Load()
    {
        var options = settings.Value;
        if (!string.IsNullOrWhiteSpace(options.RootKey))
        {
            var fromConfiguration = new RootKey(DecodeBase64(options.RootKey, "Kms:RootKey")) { Source = "Kms:RootKey" };

            // Drop the long-lived reference to the base64 text (strings cannot be zeroed).
            options.RootKey = null;
            return fromConfiguration;
        }

        if (!string.IsNullOrWhiteSpace(options.RootKeyFile))
        {
            return RootKeyFile.Read(options.RootKeyFile, "Kms:RootKeyFile");
        }

        if (database.FilePath is null)
        {
            LogEphemeral(logger);
            return new RootKey(RandomNumberGenerator.GetBytes(RootKey.Length)) { Source = "ephemeral" };
        }

        var generated = Path.Combine(Path.GetDirectoryName(database.FilePath)!, DefaultFileName);
        if (File.Exists(generated))
        {
            var existing = RootKeyFile.Read(generated, "The development root key");
            LogDevelopmentKey(logger, generated);
            return existing;
        }

        if (File.Exists(database.FilePath) && new FileInfo(database.FilePath).Length > 0)
        {
            throw new InvalidOperationException(
                $"The database {database.FilePath} exists but no root key is configured and {generated} is missing. " +
                "Configure the root key it was sealed with (Kms:RootKey or Kms:RootKeyFile); a new one could not open it.");
        }

        if (!environment.IsDevelopment() && !options.AllowRootKeyGeneration)
        {
            throw new InvalidOperationException(
                $"No root key is configured and {generated} does not exist. Outside the Development environment the service " +
                "generates a root key only when told to: configure one (Kms:RootKeyFile, Kms:RootKey or the pkcs11 provider), " +
                $"or set Kms:AllowRootKeyGeneration=true to generate {generated} for this new database.");
        }

        var bytes = RandomNumberGenerator.GetBytes(RootKey.Length);
        RootKeyFile.Create(generated, bytes);
        LogGeneratedKey(logger, generated);
        return new RootKey(bytes) { Source = generated };
    }

    private static byte[] DecodeBase64(string text, string source)
    {
        try
        {
            return Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"The root key from {source} is not valid base64.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No root key configured: generated {Path} (mode 0600). This is a development setup; set Kms:RootKey or Kms:RootKeyFile in production and back the key up apart from the database.")]
    private static partial void LogGeneratedKey(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No root key configured: using {Path} beside the database. This is a development setup; set Kms:RootKey or Kms:RootKeyFile in production.")]
    private static partial void LogDevelopmentKey(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No root key configured and the database is in memory: using an ephemeral root key. Nothing survives a restart.")]
    private static partial void LogEphemeral(ILogger logger);
}
