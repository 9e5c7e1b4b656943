using AutoKms.Application.Cryptography;
using AutoKms.Domain.Keys;

namespace AutoKms.Application.Common.Interfaces;

/// <summary>
/// The cryptography port. The default provider uses System.Security.Cryptography in process; an HSM
/// provider can implement the same operations. Implementations choose every nonce themselves.
/// </summary>
public interface ICryptoProvider
{
    /// <summary>Fresh material for a new key version, from a CSPRNG (or the key itself for RSA/EC: PKCS#8).</summary>
    KeyMaterial GenerateKeyMaterial(KeyAlgorithm algorithm);

    CipherPayload Encrypt(KeyAlgorithm algorithm, KeyMaterial key, byte[] plaintext, byte[]? aad);

    /// <summary>Decrypts and authenticates; throws <see cref="Exceptions.DecryptionFailedException"/> on any failure.</summary>
    byte[] Decrypt(KeyAlgorithm algorithm, KeyMaterial key, CipherPayload payload, byte[]? aad);

    /// <summary>Signs a SHA-256 digest: RSA-PSS (salt = hash length) or ECDSA P-256 (DER signature).</summary>
    byte[] SignDigest(KeyAlgorithm algorithm, KeyMaterial key, byte[] digest);

    /// <summary>Verifies a signature over a SHA-256 digest; a bad or malformed signature is <c>false</c>.</summary>
    bool VerifyDigest(KeyAlgorithm algorithm, KeyMaterial key, byte[] digest, byte[] signature);

    /// <summary>HMAC-SHA256 of the message.</summary>
    byte[] Mac(KeyMaterial key, byte[] message);

    /// <summary>Recomputes the HMAC and compares it in constant time.</summary>
    bool VerifyMac(KeyMaterial key, byte[] message, byte[] mac);

    /// <summary>Bytes from the CSPRNG (or the HSM's RNG).</summary>
    byte[] Random(int count);

    /// <summary>The public half of an asymmetric key, as SubjectPublicKeyInfo DER and JWK members.</summary>
    PublicKeyExport ExportPublicKey(KeyAlgorithm algorithm, KeyUsage usage, KeyMaterial key);
}
