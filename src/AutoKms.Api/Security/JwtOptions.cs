namespace AutoKms.Api.Security;

/// <summary>
/// <c>Kms:Auth:Jwt</c>: JWTs from the platform's identity provider. <see cref="Authority"/> (its
/// discovery document gives the signing keys) or, offline, <see cref="SigningKey"/> (base64 of an
/// HMAC key of at least 32 bytes, or a PEM public key). Scopes come from the <c>scope</c> (or
/// <c>scp</c>) claim, key-name globs from <c>kms_keys</c> claims.
/// </summary>
public sealed class JwtOptions
{
    public string? Authority { get; set; }

    public string? Audience { get; set; }

    public string? Issuer { get; set; }

    public string? SigningKey { get; set; }
}
