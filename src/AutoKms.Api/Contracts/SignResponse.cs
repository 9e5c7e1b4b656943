namespace AutoKms.Api.Contracts;

/// <summary>A signature: RSA-PSS-SHA256 (salt = 32 bytes) for RSA keys, DER-encoded ECDSA P-256/SHA-256 for EC_P256.</summary>
public sealed class SignResponse
{
    public Guid Kid { get; init; }

    /// <example>1</example>
    public int Version { get; init; }

    /// <example>EC_P256</example>
    public string Alg { get; init; } = string.Empty;

    public string SignatureB64 { get; init; } = string.Empty;
}
