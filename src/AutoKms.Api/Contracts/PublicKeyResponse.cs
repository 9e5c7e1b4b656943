namespace AutoKms.Api.Contracts;

/// <summary>The public half of an asymmetric key version: PEM (SubjectPublicKeyInfo) and JWK.</summary>
public sealed class PublicKeyResponse
{
    public Guid Kid { get; init; }

    /// <example>1</example>
    public int Version { get; init; }

    /// <example>RSA2048</example>
    public string Alg { get; init; } = string.Empty;

    /// <summary>-----BEGIN PUBLIC KEY----- ... (usable with openssl pkeyutl -pubin).</summary>
    public string Pem { get; init; } = string.Empty;

    /// <summary>RFC 7517 JSON Web Key: kty, n/e or crv/x/y, alg (PS256, RSA-OAEP-256, ES256), use, kid.</summary>
    public IReadOnlyDictionary<string, string> Jwk { get; init; } = new Dictionary<string, string>();
}
