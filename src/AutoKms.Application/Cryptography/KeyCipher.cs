using AutoKms.Application.Common;
using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Caching;
using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Keys;
using AutoKms.Domain.Keys;
using Microsoft.Extensions.Options;

namespace AutoKms.Application.Cryptography;

/// <summary>
/// What encrypt, wrap, datakey, rewrap, decrypt and unwrap share: load the key with only the
/// versions the request needs (from the key cache when warm), let the aggregate pick the version,
/// take its material (from the material cache when warm) once for the whole request (one item or a
/// batch of 1000), call the crypto port, count the encryptions, and rotate first when the primary
/// version cannot lease the encryptions the request needs from its limit.
/// </summary>
public sealed class KeyCipher(
    IKeyRepository keys,
    IKeyMaterialSealer sealer,
    ICryptoProvider crypto,
    IEncryptionCounter counter,
    IEncryptionLeases leases,
    KeyCache cache,
    KeyProvisioning provisioning,
    IOptions<KmsSettings> settings,
    AuditNotes notes)
{
    // Each failed reservation is followed by a rotation (ours or a concurrent request's), so every
    // attempt finds a newer primary; under many concurrent batches against a small limit a request
    // may need several. The bound only stops a loop that makes no progress.
    private const int MaxAttempts = 16;

    /// <summary>
    /// An encryptor bound to the key's primary version, with <paramref name="upcoming"/> encryptions
    /// reserved against the version's limit; the key rotates first if they would take it past.
    /// </summary>
    public async Task<Encryptor> EncryptorAsync(Guid keyId, int upcoming, CancellationToken cancellationToken)
    {
        var limit = settings.Value.MaxEncryptionsPerVersion;
        if (upcoming > limit)
        {
            throw new InvalidRequestException($"A batch of {upcoming} is more than one key version may encrypt (Kms:MaxEncryptionsPerVersion = {limit}); send smaller batches");
        }

        for (var attempt = 1; ; attempt++)
        {
            var key = await keys.GetRequiredWithVersionsAsync(keyId, [], cancellationToken).ConfigureAwait(false);
            var version = key.VersionForEncryption(KeyUsage.EncryptDecrypt);
            if (await leases.TryReserveAsync(version.Id, upcoming, limit, cancellationToken).ConfigureAwait(false))
            {
                counter.Record(version.Id, upcoming);
                notes.VersionUsed(key.Id, version.Version);
                return new Encryptor(key, version, sealer.Unseal(SealingContext.For(key, version), version.SealedMaterial), crypto, counter, leases, upcoming);
            }

            if (attempt == MaxAttempts)
            {
                throw new ConflictException("The key is rotating for its encryption limit; retry the request");
            }

            // The version has reached its limit. Rotate, unless another request (on any instance)
            // already has; then look again past the cache, which may not have seen that rotation yet.
            await provisioning.RotateAsync(keyId, fresh => fresh.PrimaryVersion == version.Version, cancellationToken).ConfigureAwait(false);
            cache.Drop(keyId);
        }
    }

    /// <summary>
    /// A decryptor for the key loaded with the <paramref name="versions"/> its ciphertexts name
    /// (and the primary one); it takes each version's material at most once.
    /// </summary>
    public async Task<Decryptor> DecryptorAsync(Guid keyId, IReadOnlyCollection<int> versions, CancellationToken cancellationToken)
    {
        var key = await keys.GetRequiredWithVersionsAsync(keyId, versions, cancellationToken).ConfigureAwait(false);
        key.EnsureUsage(KeyUsage.EncryptDecrypt);
        key.EnsureEnabled();
        notes.KeyUsed(key.Id);
        return new Decryptor(key, sealer, crypto, notes);
    }
}
