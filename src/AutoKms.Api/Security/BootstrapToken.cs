using AutoKms.Application.Common.Security;
using Microsoft.Extensions.Options;

namespace AutoKms.Api.Security;

/// <summary>
/// The admin token from configuration (<c>Kms:Auth:BootstrapToken</c> or the first line of
/// <c>Kms:Auth:BootstrapTokenFile</c>). Only its SHA-256 is kept; a presented token is compared
/// in constant time.
/// </summary>
public sealed class BootstrapToken
{
    public static readonly Caller Caller = new("bootstrap", new HashSet<string>(StringComparer.Ordinal) { Scopes.Admin }, []);

    private readonly byte[]? _hash;

    public BootstrapToken(IOptions<AuthOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var text = Read(options.Value);
        _hash = text is null ? null : TokenSecret.Hash(text);
    }

    public bool Matches(string presented) => _hash is not null && TokenSecret.SameHash(_hash, TokenSecret.Hash(presented));

    /// <summary>The configured token's text, checked: a file that cannot be read or a short token stops the service.</summary>
    public static string? Read(AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var text = options.BootstrapToken;
        if (string.IsNullOrWhiteSpace(text) && !string.IsNullOrWhiteSpace(options.BootstrapTokenFile))
        {
            text = File.ReadLines(options.BootstrapTokenFile).FirstOrDefault();
        }

        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return text.Length >= AuthOptions.MinBootstrapTokenLength
            ? text
            : throw new InvalidOperationException($"Kms:Auth:BootstrapToken must be at least {AuthOptions.MinBootstrapTokenLength} characters (for example: openssl rand -base64 32).");
    }
}
