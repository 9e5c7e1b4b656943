using AutoKms.Application.Cryptography.Queries.GetPublicKey;

namespace AutoKms.Api.Contracts.Cryptography;

/// <summary>The public half of an asymmetric key version: PEM (SubjectPublicKeyInfo) and JWK.</summary>
public sealed class PublicKeyResponse
{
    /// <example>5e454eb6-7739-453b-9aee-21d60032a773</example>
    public required Guid Kid { get; init; }

    /// <example>1</example>
    public required int Version { get; init; }

    /// <example>EC_P256</example>
    public required string Alg { get; init; }

    /// <summary>-----BEGIN PUBLIC KEY----- ... (usable with openssl pkeyutl -pubin).</summary>
    /// <example>-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE...\n-----END PUBLIC KEY-----</example>
    public required string Pem { get; init; }

    /// <summary>RFC 7517 JSON Web Key: kty, n/e or crv/x/y, alg (PS256, RSA-OAEP-256, ES256), use, kid.</summary>
    public required IReadOnlyDictionary<string, string> Jwk { get; init; }

    public static PublicKeyResponse From(PublicKeyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new PublicKeyResponse { Kid = result.KeyId, Version = result.Version, Alg = result.Algorithm, Pem = result.Pem, Jwk = result.Jwk };
    }
}
