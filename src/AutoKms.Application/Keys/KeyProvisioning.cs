using AutoKms.Application.Common;
using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Cryptography;
using AutoKms.Domain.Keys;
using Microsoft.Extensions.Options;

namespace AutoKms.Application.Keys;

/// <summary>
/// Creates keys and new versions. Fresh material is generated first, outside any transaction
/// (an RSA-3072 key takes most of a second), and sealed for exactly one (key id, version). New keys
/// are then stored through <see cref="INewKeyStore"/>, whose commits are shared with concurrent
/// creations (group commit); a rotation takes a short transaction of its own that re-reads the key,
/// hands the sealed material to the aggregate and saves. The clear material lives only inside these methods.
/// </summary>
public sealed class KeyProvisioning(
    IKeyRepository keys,
    IKeyAccess access,
    KeyMaterialWorker worker,
    KeyCreationBudget budget,
    IOptions<KeyLimits> limits,
    IKeyMaterialSealer sealer,
    IUnitOfWork unitOfWork,
    INewKeyStore newKeyStore,
    TimeProvider clock,
    AuditNotes notes,
    KeyCountEstimate keyCount)
{
    /// <summary>Creates every key or none.</summary>
    public async Task<IReadOnlyList<Key>> CreateAsync(IReadOnlyList<NewKey> newKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(newKeys);

        // Everything that can refuse the request is checked before any material is generated.
        budget.Spend(newKeys.Select(k => k.Algorithm));
        if (await keyCount.CountAsync(limits.Value.MaxKeys, () => keys.CountAsync(cancellationToken)).ConfigureAwait(false) + newKeys.Count > limits.Value.MaxKeys)
        {
            throw new ConflictException($"The service holds its maximum of {limits.Value.MaxKeys} keys (Kms:Limits:MaxKeys); purge deleted keys or raise the limit");
        }

        foreach (var newKey in newKeys)
        {
            // The caller's key-name rules first: a name outside them is a 403, never a hint that it exists.
            await access.EnsureMayUseAsync(newKey.Name, cancellationToken).ConfigureAwait(false);
            if (await keys.NameExistsAsync(newKey.Name, null, cancellationToken).ConfigureAwait(false))
            {
                throw ConflictException.NameTaken(newKey.Name);
            }
        }

        var materials = new List<KeyMaterial>(newKeys.Count);
        try
        {
            foreach (var newKey in newKeys)
            {
                materials.Add(await worker.GenerateAsync(newKey.Algorithm, cancellationToken).ConfigureAwait(false));
            }

            var created = newKeys.Select((newKey, i) => Build(newKey, materials[i])).ToList();

            // Stored with other requests' new keys in one commit; a taken name fails this request alone (409).
            await newKeyStore.AddAsync(created, cancellationToken).ConfigureAwait(false);
            keyCount.Added(created.Count);
            created.ForEach(key => notes.VersionUsed(key.Id, 1));
            return created;
        }
        finally
        {
            materials.ForEach(m => m.Dispose());
        }
    }

    /// <summary>
    /// Adds a version with fresh material and makes it primary, if <paramref name="shouldRotate"/>
    /// still holds for the key as read inside the transaction. Answers the new version, or
    /// <c>null</c> when the key is gone or no longer needs it (a concurrent rotation won).
    /// </summary>
    public async Task<KeyVersion?> RotateAsync(Guid keyId, Func<Key, bool> shouldRotate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shouldRotate);
        var current = await keys.GetAsync(keyId, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return null;
        }

        if (current.Versions.Count >= limits.Value.MaxVersionsPerKey)
        {
            throw new ConflictException($"Key {current.Name} has its maximum of {limits.Value.MaxVersionsPerKey} versions (Kms:Limits:MaxVersionsPerKey)");
        }

        budget.Spend([current.Algorithm]);
        using var material = await worker.GenerateAsync(current.Algorithm, cancellationToken).ConfigureAwait(false);
        return await unitOfWork.InTransactionAsync(
            async () =>
            {
                var key = await keys.GetAsync(keyId, cancellationToken).ConfigureAwait(false);
                if (key is null || !shouldRotate(key))
                {
                    return null;
                }

                var version = key.Rotate(Guid.NewGuid(), sealer.Seal(new SealingContext(key.Id, key.NextVersionNumber, key.Algorithm, key.Usage), material), clock.GetUtcNow());
                await keys.SaveAsync(key, cancellationToken).ConfigureAwait(false);
                notes.VersionUsed(key.Id, version.Version);
                return version;
            },
            cancellationToken).ConfigureAwait(false);
    }

    private Key Build(NewKey newKey, KeyMaterial material)
    {
        var id = Guid.NewGuid();
        var now = clock.GetUtcNow();
        var key = Key.Create(id, newKey.Name, newKey.Algorithm, newKey.Usage, Guid.NewGuid(), sealer.Seal(new SealingContext(id, 1, newKey.Algorithm, newKey.Usage), material), now);
        if (newKey.RotationPeriodDays is not null)
        {
            key.ChangeRotationPeriod(newKey.RotationPeriodDays, now);
        }

        return key;
    }
}
