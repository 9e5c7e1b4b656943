namespace AutoKms.Api.Contracts;

/// <summary>The decrypted plaintext.</summary>
public sealed class DecryptResponse
{
    /// <example>aGVsbG8gd29ybGQ=</example>
    public string PlaintextB64 { get; init; } = string.Empty;
}
