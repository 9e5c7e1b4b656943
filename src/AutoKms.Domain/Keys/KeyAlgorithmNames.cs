using System.Diagnostics.CodeAnalysis;

namespace AutoKms.Domain.Keys;

/// <summary>
/// The names the HTTP contract and the database use for algorithms, usages and statuses.
/// One table each, so the wire format and the stored format can never drift apart.
/// </summary>
public static class KeyAlgorithmNames
{
    private static readonly Dictionary<KeyAlgorithm, string> AlgorithmNames = new()
    {
        [KeyAlgorithm.Aes256Gcm] = "AES256_GCM",
        [KeyAlgorithm.ChaCha20Poly1305] = "CHACHA20_POLY1305",
        [KeyAlgorithm.Rsa2048] = "RSA2048",
        [KeyAlgorithm.Rsa3072] = "RSA3072",
        [KeyAlgorithm.EcP256] = "EC_P256",
        [KeyAlgorithm.HmacSha256] = "HMAC_SHA256",
    };

    private static readonly Dictionary<KeyUsage, string> UsageNames = new()
    {
        [KeyUsage.EncryptDecrypt] = "encrypt_decrypt",
        [KeyUsage.SignVerify] = "sign_verify",
        [KeyUsage.Mac] = "mac",
    };

    private static readonly Dictionary<KeyStatus, string> StatusNames = new()
    {
        [KeyStatus.Enabled] = "enabled",
        [KeyStatus.Disabled] = "disabled",
    };

    private static readonly Dictionary<KeyVersionStatus, string> VersionStatusNames = new()
    {
        [KeyVersionStatus.Enabled] = "enabled",
        [KeyVersionStatus.Disabled] = "disabled",
        [KeyVersionStatus.Destroyed] = "destroyed",
    };

    /// <summary>The original service called an enabled version <c>active</c>; its clients still send it.</summary>
    public const string OriginalActiveStatus = "active";

    public static IReadOnlyCollection<string> Algorithms => AlgorithmNames.Values;

    public static IReadOnlyCollection<string> Usages => UsageNames.Values;

    public static IReadOnlyCollection<string> Statuses => StatusNames.Values;

    public static IReadOnlyCollection<string> VersionStatuses => VersionStatusNames.Values;

    public static string ToName(this KeyAlgorithm value) => AlgorithmNames[value];

    public static string ToName(this KeyUsage value) => UsageNames[value];

    public static string ToName(this KeyStatus value) => StatusNames[value];

    public static string ToName(this KeyVersionStatus value) => VersionStatusNames[value];

    public static bool TryParseAlgorithm(string? name, out KeyAlgorithm value) => TryParse(AlgorithmNames, name, out value);

    public static bool TryParseUsage(string? name, out KeyUsage value) => TryParse(UsageNames, name, out value);

    public static bool TryParseStatus(string? name, out KeyStatus value) => TryParse(StatusNames, name, out value);

    /// <summary>Also takes <c>active</c>, the original service's word for an enabled version.</summary>
    public static bool TryParseVersionStatus(string? name, out KeyVersionStatus value) =>
        TryParse(VersionStatusNames, string.Equals(name, OriginalActiveStatus, StringComparison.OrdinalIgnoreCase) ? "enabled" : name, out value);

    public static KeyAlgorithm ParseAlgorithm(string name) => Parse(AlgorithmNames, name);

    public static KeyUsage ParseUsage(string name) => Parse(UsageNames, name);

    public static KeyStatus ParseStatus(string name) => Parse(StatusNames, name);

    public static KeyVersionStatus ParseVersionStatus(string name) =>
        TryParseVersionStatus(name, out var value) ? value : throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown KeyVersionStatus");

    private static T Parse<T>(Dictionary<T, string> names, string name)
        where T : struct, Enum =>
        TryParse(names, name, out var value) ? value : throw new ArgumentOutOfRangeException(nameof(name), name, $"Unknown {typeof(T).Name}");

    private static bool TryParse<T>(Dictionary<T, string> names, string? name, [MaybeNullWhen(false)] out T value)
        where T : struct, Enum
    {
        foreach (var (key, text) in names)
        {
            if (string.Equals(text, name, StringComparison.OrdinalIgnoreCase))
            {
                value = key;
                return true;
            }
        }

        value = default;
        return false;
    }
}
