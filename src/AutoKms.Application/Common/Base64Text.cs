using System.Security.Cryptography;

namespace AutoKms.Application.Common;

/// <summary>
/// The service's one base64 reader: standard alphabet, missing <c>=</c> padding accepted (as the
/// original service did), decoded into a buffer of exactly the right size so a secret never sits
/// in a second, forgotten array.
/// </summary>
public static class Base64Text
{
    public static bool TryDecode(string text, out byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        bytes = [];
        var trimmed = text.Trim();
        switch (trimmed.Length % 4)
        {
            case 2:
                trimmed += "==";
                break;
            case 3:
                trimmed += "=";
                break;
            case 1:
                return false;
        }

        var padding = trimmed.EndsWith("==", StringComparison.Ordinal) ? 2 : trimmed.EndsWith('=') ? 1 : 0;
        var buffer = new byte[(trimmed.Length / 4 * 3) - padding];
        if (!Convert.TryFromBase64String(trimmed, buffer, out var written) || written != buffer.Length)
        {
            CryptographicOperations.ZeroMemory(buffer);
            return false;
        }

        bytes = buffer;
        return true;
    }
}
