namespace AutoKms.Api.Contracts;

/// <summary>What to sign: a message (hashed with SHA-256 by the service) or its SHA-256 digest. Exactly one.</summary>
public sealed class SignRequest
{
    /// <example>aGVsbG8gd29ybGQ=</example>
    public string? MessageB64 { get; init; }

    /// <summary>A 32-byte SHA-256 digest, base64.</summary>
    public string? DigestB64 { get; init; }
}
