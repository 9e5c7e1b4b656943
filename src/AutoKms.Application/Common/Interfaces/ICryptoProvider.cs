using AutoKms.Application.Common.Crypto;
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
}
