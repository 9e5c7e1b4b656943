namespace AutoKms.Api.Contracts;

/// <summary>A signature to check, over a message or its SHA-256 digest (exactly one).</summary>
public sealed class VerifyRequest
{
    public string? MessageB64 { get; init; }

    public string? DigestB64 { get; init; }

    public string? SignatureB64 { get; init; }

    /// <summary>The version that signed (default: primary).</summary>
    /// <example>1</example>
    public int? Version { get; init; }
}
