using System.Security.Cryptography;
using System.Text;

namespace AutoKms.Application.Common.Security;

/// <summary>
/// Bearer token secrets: <c>akms_</c> followed by 256 random bits in base64url. Only their SHA-256
/// is stored and compared (a 256-bit random secret needs no slow hash: it cannot be guessed).
/// </summary>
public static class TokenSecret
{
    public const string Prefix = "akms_";
    public const int SecretBytes = 32;

    public static string NewSecret()
    {
        var bytes = RandomNumberGenerator.GetBytes(SecretBytes);
        try
        {
            return Prefix + Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    public static bool LooksLikeOne(string? presented) => presented is not null && presented.StartsWith(Prefix, StringComparison.Ordinal);

    public static byte[] Hash(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return SHA256.HashData(Encoding.UTF8.GetBytes(secret));
    }

    /// <summary>Constant-time comparison of two hashes.</summary>
    public static bool SameHash(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) => CryptographicOperations.FixedTimeEquals(a, b);
}
