using AutoKms.Application.Common;
using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Keys;
using AutoKms.Domain.Keys;
using Microsoft.Extensions.Options;

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
    KeyProvisioning provisioning,
    IOptions<KmsSettings> settings,
    AuditNotes notes)
{
    // Check-and-reserve is one step per process, so concurrent requests cannot all pass the same check.
    private static readonly Lock ReservationLock = new();

    /// <summary>
    /// An encryptor bound to the key's primary version, with <paramref name="upcoming"/> encryptions
    /// reserved against the version's limit; the key rotates first if they would take it past.
    /// </summary>
    public async Task<Encryptor> EncryptorAsync(Guid keyId, int upcoming, CancellationToken cancellationToken)
    {
        if (upcoming > settings.Value.MaxEncryptionsPerVersion)
        {
            throw new InvalidRequestException($"A batch of {upcoming} is more than one key version may encrypt (Kms:MaxEncryptionsPerVersion = {settings.Value.MaxEncryptionsPerVersion}); send smaller batches");
        }

        for (var attempt = 1; ; attempt++)
        {
            var key = await keys.GetRequiredAsync(keyId, cancellationToken).ConfigureAwait(false);
            var version = key.VersionForEncryption(KeyUsage.EncryptDecrypt);
            if (TryReserve(key, version, upcoming))
            {
                notes.VersionUsed(key.Id, version.Version);
                return new Encryptor(key, version, sealer.Unseal(SealingContext.For(key, version), version.SealedMaterial), crypto, counter, upcoming);
            }

            if (attempt == 3)
            {
                throw new ConflictException("The key is rotating for its encryption limit; retry the request");
            }

            await provisioning.RotateAsync(
                keyId,
                fresh => fresh.MustRotateBeforeEncrypting(counter.Unpersisted(fresh.Primary.Id), upcoming, settings.Value.MaxEncryptionsPerVersion),
                cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A decryptor for the key; it unseals each version it is asked for at most once.</summary>
    public async Task<Decryptor> DecryptorAsync(Guid keyId, CancellationToken cancellationToken)
    {
        var key = await keys.GetRequiredAsync(keyId, cancellationToken).ConfigureAwait(false);
        key.EnsureUsage(KeyUsage.EncryptDecrypt);
        key.EnsureEnabled();
        notes.KeyUsed(key.Id);
        return new Decryptor(key, sealer, crypto, notes);
    }

    private bool TryReserve(Key key, KeyVersion version, int upcoming)
    {
        lock (ReservationLock)
        {
            if (key.MustRotateBeforeEncrypting(counter.Unpersisted(version.Id), upcoming, settings.Value.MaxEncryptionsPerVersion))
            {
                return false;
            }

            counter.Record(version.Id, upcoming);
            return true;
        }
    }
}
