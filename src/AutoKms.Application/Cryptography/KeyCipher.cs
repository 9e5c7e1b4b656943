using System.Security.Cryptography;
using AutoKms.Application.Common;
using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Keys;
using AutoKms.Domain.Keys;

namespace AutoKms.Application.Cryptography;

/// <summary>
/// What encrypt, wrap, datakey, rewrap, decrypt and unwrap share: load the key, let the aggregate
/// pick the version, unseal its material once for the whole request (one item or a batch of
/// 1000), call the crypto port, count the encryptions, and rotate first when the primary version
/// has reached its encryption limit.
/// </summary>
public sealed class KeyCipher(
    IKeyRepository keys,
    IKeyMaterialSealer sealer,
    ICryptoProvider crypto,
    IEncryptionCounter counter,
    IUnitOfWork unitOfWork,
    KeyProvisioning provisioning,
    KmsSettings settings)
{
    /// <summary>
    /// An encryptor bound to the key's primary version, for <paramref name="upcoming"/> encryptions;
    /// the key rotates first if they would take the version past its limit.
    /// </summary>
    public async Task<Encryptor> EncryptorAsync(Guid keyId, int upcoming, CancellationToken cancellationToken)
    {
        var key = await keys.GetRequiredAsync(keyId, cancellationToken).ConfigureAwait(false);
        var version = key.VersionForEncryption(KeyUsage.EncryptDecrypt);
        if (key.MustRotateBeforeEncrypting(counter.Unpersisted(version.Id), upcoming, settings.MaxEncryptionsPerVersion))
        {
            key = await RotateForLimitAsync(keyId, upcoming, cancellationToken).ConfigureAwait(false);
            version = key.VersionForEncryption(KeyUsage.EncryptDecrypt);
        }

        return new Encryptor(key, version, sealer.Unseal(key.Id, version.Version, version.SealedMaterial), crypto, counter);
    }

    /// <summary>A decryptor for the key; it unseals each version it is asked for at most once.</summary>
    public async Task<Decryptor> DecryptorAsync(Guid keyId, CancellationToken cancellationToken)
    {
        var key = await keys.GetRequiredAsync(keyId, cancellationToken).ConfigureAwait(false);
        key.EnsureUsage(KeyUsage.EncryptDecrypt);
        key.EnsureEnabled();
        return new Decryptor(key, sealer, crypto);
    }

    /// <summary>Zeroes a caller's secret buffer once the operation no longer needs it.</summary>
    public static void Forget(byte[]? secret)
    {
        if (secret is not null)
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    internal static void EnsureAadSupported(KeyAlgorithm algorithm, byte[]? aad)
    {
        if (aad is { Length: > 0 } && !KeyAlgorithmRules.IsAead(algorithm))
        {
            throw new InvalidRequestException($"aad_b64 is not supported by {algorithm.ToName()} keys: RSA-OAEP has no associated data");
        }
    }

    private async Task<Key> RotateForLimitAsync(Guid keyId, int upcoming, CancellationToken cancellationToken)
    {
        // Re-read inside a write transaction: of two requests racing here, only the first rotates.
        await unitOfWork.BeginAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var key = await keys.GetRequiredAsync(keyId, cancellationToken).ConfigureAwait(false);
            if (key.MustRotateBeforeEncrypting(counter.Unpersisted(key.Primary.Id), upcoming, settings.MaxEncryptionsPerVersion))
            {
                await provisioning.RotateAsync(key, cancellationToken).ConfigureAwait(false);
            }

            await unitOfWork.CommitAsync(cancellationToken).ConfigureAwait(false);
            return key;
        }
        catch
        {
            await unitOfWork.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }
}
