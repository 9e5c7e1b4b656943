using AutoKms.Application.Common.Exceptions;

namespace AutoKms.Api.Http;

/// <summary>
/// Base64 on the wire: standard alphabet; decoding also accepts missing <c>=</c> padding, as the
/// original service did. A bad value is a 400 naming the field.
/// </summary>
public static class Base64Field
{
    public static byte[]? Decode(string? value, string field)
    {
        if (value is null)
        {
            return null;
        }

        var text = value.Trim();
        switch (text.Length % 4)
        {
            case 2:
                text += "==";
                break;
            case 3:
                text += "=";
                break;
            case 1:
                throw InvalidRequestException.InvalidBase64(field);
        }

        // Exactly the decoded size, so the secret never sits in a second, forgotten buffer.
        var padding = text.EndsWith("==", StringComparison.Ordinal) ? 2 : text.EndsWith('=') ? 1 : 0;
        var buffer = new byte[(text.Length / 4 * 3) - padding];
        if (!Convert.TryFromBase64String(text, buffer, out var written) || written != buffer.Length)
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(buffer);
            throw InvalidRequestException.InvalidBase64(field);
        }

        return buffer;
    }

    public static string? Encode(byte[]? value) => value is null ? null : Convert.ToBase64String(value);
}
