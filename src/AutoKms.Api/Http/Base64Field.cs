namespace AutoKms.Api.Http;

/// <summary>Writes binary answer fields as standard base64; <c>null</c> stays <c>null</c>.</summary>
public static class Base64Field
{
    public static string? Encode(byte[]? value) => value is null ? null : Convert.ToBase64String(value);

    /// <summary>Encodes a secret the answer carries (plaintext, key material) and zeroes its buffer.</summary>
    public static string EncodeThenForget(byte[] secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        try
        {
            return Convert.ToBase64String(secret);
        }
        finally
        {
            AutoKms.Application.Cryptography.Secrets.Forget(secret);
        }
    }
}
