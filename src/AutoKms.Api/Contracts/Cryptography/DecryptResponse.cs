using AutoKms.Api.Http;

namespace AutoKms.Api.Contracts.Cryptography;

/// <summary>The decrypted plaintext.</summary>
public sealed class DecryptResponse
{
    /// <example>aGVsbG8gd29ybGQ=</example>
    public required string PlaintextB64 { get; init; }

    /// <summary>The answer; the plaintext buffer is zeroed once encoded.</summary>
    public static DecryptResponse From(byte[] plaintext) => new() { PlaintextB64 = Base64Field.EncodeThenForget(plaintext) };
}
