using System.Security.Cryptography;
using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.RootKeys;
using AutoKms.Infrastructure.Crypto.Pkcs11;
using AutoKms.Infrastructure.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AutoKms.Infrastructure.Crypto;

/// <summary>
/// Opens the root key of the configured provider (<c>Kms:RootKeyProvider</c>): <c>env</c>
/// (<c>Kms:RootKey</c>, base64), <c>file</c> (<c>Kms:RootKeyFile</c>, else <c>root.key</c> beside
/// the database) or <c>pkcs11</c> (the AES key <c>Kms:Pkcs11:KeyLabel</c> inside a token). A new
/// database may get a generated key (a file, or a key generated inside the token) in the
/// Development environment or when <c>Kms:AllowRootKeyGeneration</c> is true, never otherwise.
/// </summary>
public sealed partial class RootKeyLoader(IOptions<KmsOptions> settings, KmsDatabase database, IHostEnvironment environment, Pkcs11Tokens tokens, ILogger<RootKeyLoader> logger)
{
    public const string DefaultFileName = "root.key";

    public const string EnvProvider = "env";
    public const string FileProvider = "file";
    public const string Pkcs11Provider = "pkcs11";

    public IRootKey Load()
    {
        var rootKey = Open();
        LogRootKey(logger, rootKey.Source);
        return rootKey;
    }

    private IRootKey Open()
    {
        var options = settings.Value;
        var provider = ProviderOf(options);
        if (provider == Pkcs11Provider)
        {
            return FromToken(options);
        }

        if (provider == EnvProvider)
        {
            var fromConfiguration = new RootKey(DecodeBase64(options.RootKey!, "Kms:RootKey")) { Source = "Kms:RootKey" };

            // Drop the long-lived reference to the base64 text (strings cannot be zeroed).
            options.RootKey = null;
            return fromConfiguration;
        }

        if (!string.IsNullOrWhiteSpace(options.RootKeyFile))
        {
            return RootKeyFile.Read(options.RootKeyFile, "Kms:RootKeyFile");
        }

        if (database.IsEphemeral)
        {
            LogEphemeral(logger);
            return new RootKey(RandomNumberGenerator.GetBytes(RootKey.Length)) { Source = "ephemeral" };
        }

        if (database.FilePath is null)
        {
            throw new InvalidOperationException(
                $"No root key is configured, and {database.Description} has no file to keep {DefaultFileName} beside. " +
                "Configure one: Kms:RootKeyFile, Kms:RootKey or the pkcs11 provider.");
        }

        var generated = Path.Combine(Path.GetDirectoryName(database.FilePath)!, DefaultFileName);
        if (File.Exists(generated))
        {
            var existing = RootKeyFile.Read(generated, "The development root key");
            LogDevelopmentKey(logger, generated);
            return existing;
        }

        if (DatabaseHasData())
        {
            throw new InvalidOperationException(
                $"The database {database.FilePath} exists but no root key is configured and {generated} is missing. " +
                "Configure the root key it was sealed with (Kms:RootKey or Kms:RootKeyFile); a new one could not open it.");
        }

        if (!GenerationAllowed(options))
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

    private static string ProviderOf(KmsOptions options)
    {
        var hasValue = !string.IsNullOrWhiteSpace(options.RootKey);
        var hasFile = !string.IsNullOrWhiteSpace(options.RootKeyFile);
        var provider = string.IsNullOrWhiteSpace(options.RootKeyProvider)
            ? (hasValue ? EnvProvider : FileProvider)
            : options.RootKeyProvider.Trim().ToLowerInvariant();

        // One source of the root key, so a configuration never says two things.
        var conflict = provider switch
        {
            EnvProvider when !hasValue => "Kms:RootKeyProvider is env but Kms:RootKey is not set.",
            EnvProvider when hasFile => "Kms:RootKey and Kms:RootKeyFile are both set; configure one root key.",
            FileProvider when hasValue => "Kms:RootKey is set but Kms:RootKeyProvider is file; configure one root key.",
            Pkcs11Provider when hasValue || hasFile => "Kms:RootKeyProvider is pkcs11 but Kms:RootKey or Kms:RootKeyFile is set too; remove them: the root key is the token's.",
            EnvProvider or FileProvider or Pkcs11Provider => null,
            _ => $"Kms:RootKeyProvider must be env, file or pkcs11 (was '{options.RootKeyProvider}').",
        };
        return conflict is null ? provider : throw new InvalidOperationException(conflict);
    }

    /// <summary>
    /// Opens the root key a rotation moves to: a root-key file, or a key in the configured token,
    /// generated there when the token has none by that label (the request is the operator's say-so).
    /// A key that cannot be used is the request's fault: <see cref="InvalidRequestException"/>.
    /// </summary>
    public IRootKey OpenForRotation(NewRootKey newRootKey)
    {
        ArgumentNullException.ThrowIfNull(newRootKey);
        try
        {
            if (!string.IsNullOrWhiteSpace(newRootKey.KeyFile))
            {
                return RootKeyFile.Read(newRootKey.KeyFile, "key_file");
            }

            var token = tokens.Open();
            var label = newRootKey.Pkcs11KeyLabel!;
            var key = token.FindAesKey(label);
            if (key is null)
            {
                key = token.GenerateAesKey(label);
                LogGeneratedTokenKey(logger, label, token.TokenLabel);
            }

            return new Pkcs11RootKey(token, key, label);
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidRequestException(ex.Message);
        }
    }

    private Pkcs11RootKey FromToken(KmsOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Pkcs11.KeyLabel))
        {
            throw new InvalidOperationException("The pkcs11 root-key provider needs Kms:Pkcs11:KeyLabel.");
        }

        var token = tokens.Open();
        var label = options.Pkcs11.KeyLabel;
        var key = token.FindAesKey(label);
        if (key is null)
        {
            if (DatabaseHasData())
            {
                throw new InvalidOperationException(
                    $"{Capitalised(database.Description)} holds data but {token} has no AES key labelled '{label}'. " +
                    "Configure the key it was sealed with (Kms:Pkcs11:KeyLabel); a new one could not open it.");
            }

            if (!GenerationAllowed(options))
            {
                throw new InvalidOperationException(
                    $"{token} has no AES key labelled '{label}'. Generate it in the token (scripts/softhsm-init.sh does for SoftHSM2) or, " +
                    "outside the Development environment, set Kms:AllowRootKeyGeneration=true to let the service generate it there for this new database.");
            }

            key = token.GenerateAesKey(label);
            LogGeneratedTokenKey(logger, label, token.TokenLabel);
        }

        return new Pkcs11RootKey(token, key, label);
    }

    private bool DatabaseHasData() => database.HasData();

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private bool GenerationAllowed(KmsOptions options) => environment.IsDevelopment() || options.AllowRootKeyGeneration;

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Root key: {Source}")]
    private static partial void LogRootKey(ILogger logger, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generated the root key '{Label}' inside PKCS#11 token '{Token}' (AES-256, sensitive, not extractable). Back the token up as its vendor prescribes: without this key the database cannot be opened.")]
    private static partial void LogGeneratedTokenKey(ILogger logger, string label, string token);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No root key configured and the database is in memory: using an ephemeral root key. Nothing survives a restart.")]
    private static partial void LogEphemeral(ILogger logger);
}
