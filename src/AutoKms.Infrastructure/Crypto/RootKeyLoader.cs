using System.Security.Cryptography;
using System.Text;
using AutoKms.Infrastructure.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AutoKms.Infrastructure.Crypto;

/// <summary>
/// Finds the root key: <c>Kms:RootKey</c> (base64), else <c>Kms:RootKeyFile</c>, else a generated
/// <c>root.key</c> beside the database (mode 0600) with a warning that this is a development setup.
/// </summary>
public sealed partial class RootKeyLoader(IOptions<KmsOptions> settings, SqliteDatabase database, ILogger<RootKeyLoader> logger)
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
            var path = Path.GetFullPath(options.RootKeyFile);
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"Kms:RootKeyFile points to {path}, which does not exist.");
            }

            return new RootKey(ReadKeyFile(path)) { Source = path };
        }

        if (database.FilePath is null)
        {
            LogEphemeral(logger);
            return new RootKey(RandomNumberGenerator.GetBytes(RootKey.Length)) { Source = "ephemeral" };
        }

        var generated = Path.Combine(Path.GetDirectoryName(database.FilePath)!, DefaultFileName);
        if (File.Exists(generated))
        {
            LogDevelopmentKey(logger, generated);
            return new RootKey(ReadKeyFile(generated)) { Source = generated };
        }

        if (File.Exists(database.FilePath) && new FileInfo(database.FilePath).Length > 0)
        {
            throw new InvalidOperationException(
                $"The database {database.FilePath} exists but no root key is configured and {generated} is missing. " +
                "Configure the root key it was sealed with (Kms:RootKey or Kms:RootKeyFile); a new one could not open it.");
        }

        var bytes = RandomNumberGenerator.GetBytes(RootKey.Length);
        WriteOwnerOnly(generated, bytes);
        LogGeneratedKey(logger, generated);
        return new RootKey(bytes) { Source = generated };
    }

    private static byte[] ReadKeyFile(string path)
    {
        var raw = File.ReadAllBytes(path);
        if (raw.Length == RootKey.Length)
        {
            return raw;
        }

        try
        {
            return DecodeBase64(Encoding.ASCII.GetString(raw).Trim(), path);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(raw);
        }
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

    private static void WriteOwnerOnly(string path, byte[] bytes)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Options = FileOptions.WriteThrough,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        stream.Write(bytes);
        stream.Flush(flushToDisk: true);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No root key configured: generated {Path} (mode 0600). This is a development setup; set Kms:RootKey or Kms:RootKeyFile in production and back the key up apart from the database.")]
    private static partial void LogGeneratedKey(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No root key configured: using {Path} beside the database. This is a development setup; set Kms:RootKey or Kms:RootKeyFile in production.")]
    private static partial void LogDevelopmentKey(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No root key configured and the database is in memory: using an ephemeral root key. Nothing survives a restart.")]
    private static partial void LogEphemeral(ILogger logger);
}
