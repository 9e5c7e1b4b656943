using AutoKms.Application.Common;
using AutoKms.Application.Common.Exceptions;

namespace AutoKms.Application.Cryptography;

/// <summary>
/// The self-describing ciphertext: <c>akms:v&lt;version&gt;:&lt;base64(nonce ‖ ciphertext ‖ tag)&gt;</c>
/// (RSA: the ciphertext alone). One string a caller can store and hand back without tracking the
/// version, nonce and tag separately.
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

    /// <summary>Parses the string; a malformed one is a 400 that says what the form should be.</summary>
    public static EncryptedData Parse(string value, string field)
    {
        ArgumentNullException.ThrowIfNull(value);
        var rest = value.StartsWith(Prefix, StringComparison.Ordinal) ? value[Prefix.Length..] : null;
        var colon = rest?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (rest is null || colon <= 0
            || !int.TryParse(rest.AsSpan(0, colon), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
            || version < 1)
        {
            throw new InvalidRequestException($"{field} must look like akms:v<version>:<base64>");
        }

        if (!Base64Text.TryDecode(rest[(colon + 1)..], out var packed) || packed.Length == 0)
        {
            throw InvalidRequestException.InvalidBase64(field);
        }

        return EncryptedData.SelfDescribing(version, packed);
    }
}
