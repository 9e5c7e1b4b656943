using AutoKms.Application.Cryptography;

namespace AutoKms.Api.Contracts.Cryptography;

/// <summary>The decrypted plaintext.</summary>
public sealed class DecryptResponse
{
    /// <example>aGVsbG8gd29ybGQ=</example>
    public required string PlaintextB64 { get; init; }

    /// <summary>The answer; the plaintext buffer is zeroed once encoded.</summary>
    public static DecryptResponse From(byte[] plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        try
        {
            return new DecryptResponse { PlaintextB64 = Convert.ToBase64String(plaintext) };
        }
        finally
        {
            Secrets.Forget(plaintext);
        }
    }
}
