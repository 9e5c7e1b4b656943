namespace AutoKms.Application.Cryptography;

/// <summary>A public key: its SubjectPublicKeyInfo (DER) and its JWK members (RFC 7517/7518).</summary>
public sealed record PublicKeyExport(byte[] SubjectPublicKeyInfo, IReadOnlyDictionary<string, string> Jwk);
