using System.Diagnostics.CodeAnalysis;

namespace AutoKms.Application.Cryptography;

/// <summary>
/// The self-describing ciphertext: <c>akms:v&lt;version&gt;:&lt;base64(nonce ‖ ciphertext ‖ tag)&gt;</c>
/// (RSA: the ciphertext alone). One string a caller can store and hand back without tracking the
/// version, nonce and tag separately. It has exactly one spelling: the version without leading
/// zeros, canonical padded base64, nothing around it.
/// </summary>
public static class AkmsCiphertext
{
    private const string Prefix = "akms:v";

    public static string Format(int version, byte[]? nonce, byte[] ciphertext, byte[]? tag)
    {
        ArgumentNullException.ThrowIfNull(ciphertext);
        var packed = new byte[(nonce?.Length ?? 0) + ciphertext.Length + (tag?.Length ?? 0)];
        nonce?.CopyTo(packed, 0);
        ciphertext.CopyTo(packed, nonce?.Length ?? 0);
        tag?.CopyTo(packed, (nonce?.Length ?? 0) + ciphertext.Length);
        return $"{Prefix}{version}:{Convert.ToBase64String(packed)}";
    }

    /// <summary>Parses the string, or says (in <paramref name="error"/>) why it is not one.</summary>
    public static bool TryParse(string value, string field, [NotNullWhen(true)] out EncryptedData? data, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(value);
        data = null;
        var rest = value.StartsWith(Prefix, StringComparison.Ordinal) ? value[Prefix.Length..] : null;
        var colon = rest?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (rest is null || colon <= 0 || rest[0] == '0'
            || !int.TryParse(rest.AsSpan(0, colon), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version))
        {
            error = $"{field} must look like akms:v<version>:<base64>";
            return false;
        }

        var text = rest[(colon + 1)..];
        if (!TryDecodeCanonical(text, out var packed))
        {
            error = $"Invalid base64 encoding for {field}";
            return false;
        }

        data = EncryptedData.SelfDescribing(version, packed);
        error = null;
        return true;
    }

    /// <summary>Only the encoding <see cref="Format"/> writes: padded, no whitespace, no stray bits.</summary>
    private static bool TryDecodeCanonical(string text, out byte[] packed)
    {
        packed = [];
        if (text.Length == 0 || text.Length % 4 != 0)
        {
            return false;
        }

        var padding = text.EndsWith("==", StringComparison.Ordinal) ? 2 : text.EndsWith('=') ? 1 : 0;
        var buffer = new byte[(text.Length / 4 * 3) - padding];
        if (!Convert.TryFromBase64String(text, buffer, out var written) || written != buffer.Length
            || !string.Equals(Convert.ToBase64String(buffer), text, StringComparison.Ordinal))
        {
            return false;
        }

        packed = buffer;
        return true;
    }
}
