using System.Security.Cryptography;
using AutoKms.Application.Common.Crypto;
using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using AutoKms.Domain.Keys;

namespace AutoKms.Application.Cryptography;

/// <summary>
/// The steps encrypt, wrap, decrypt and unwrap share: load the key, let the aggregate pick the
/// version, unseal its material for the length of one operation, and call the crypto port.
/// </summary>
public sealed class KeyCipher(IKeyRepository keys, IKeyMaterialSealer sealer, ICryptoProvider crypto)
{
    public async Task<CipherResult> EncryptAsync(Guid keyId, byte[] plaintext, byte[]? aad, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var key = await keys.GetRequiredAsync(keyId, cancellationToken).ConfigureAwait(false);
        var version = key.VersionForEncryption(KeyUsage.EncryptDecrypt);
        EnsureAadSupported(key.Algorithm, aad);

        using var material = sealer.Unseal(key.Id, version.Version, version.SealedMaterial);
        var payload = crypto.Encrypt(key.Algorithm, material, plaintext, aad);
        return new CipherResult(key.Id, version.Version, key.Algorithm.ToName(), payload.Nonce, payload.Ciphertext, payload.Tag, aad);
    }

    public async Task<byte[]> DecryptAsync(Guid keyId, int? version, CipherPayload payload, byte[]? aad, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var key = await keys.GetRequiredAsync(keyId, cancellationToken).ConfigureAwait(false);
        var keyVersion = key.VersionForDecryption(KeyUsage.EncryptDecrypt, version);
        EnsureAadSupported(key.Algorithm, aad);

        using var material = sealer.Unseal(key.Id, keyVersion.Version, keyVersion.SealedMaterial);
        return crypto.Decrypt(key.Algorithm, material, payload, aad);
    }

    /// <summary>Zeroes a caller's secret buffer once the operation no longer needs it.</summary>
    public static void Forget(byte[]? secret)
    {
        if (secret is not null)
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    private static void EnsureAadSupported(KeyAlgorithm algorithm, byte[]? aad)
    {
        if (aad is { Length: > 0 } && !KeyAlgorithmRules.IsAead(algorithm))
        {
            throw new InvalidRequestException($"aad_b64 is not supported by {algorithm.ToName()} keys: RSA-OAEP has no associated data");
        }
    }
}
