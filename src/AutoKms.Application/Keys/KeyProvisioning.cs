using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Domain.Keys;

namespace AutoKms.Application.Keys;

/// <summary>
/// Creates keys and new versions: fresh material from the crypto port, sealed for exactly one
/// (key id, version), handed to the aggregate and saved. The clear material lives only inside
/// these methods.
/// </summary>
public sealed class KeyProvisioning(IKeyRepository keys, ICryptoProvider crypto, IKeyMaterialSealer sealer, TimeProvider clock)
{
    public async Task<Key> CreateAsync(string name, KeyAlgorithm algorithm, KeyUsage usage, int? rotationPeriodDays, CancellationToken cancellationToken)
    {
        KeyAlgorithmRules.EnsureSupports(algorithm, usage);
        if (await keys.NameExistsAsync(name, null, cancellationToken).ConfigureAwait(false))
        {
            throw new ConflictException($"A key named '{name}' already exists");
        }

        var id = Guid.NewGuid();
        var now = clock.GetUtcNow();
        var key = Key.Create(id, name, algorithm, usage, Guid.NewGuid(), SealNew(id, 1, algorithm), now);
        if (rotationPeriodDays is not null)
        {
            key.ChangeRotationPeriod(rotationPeriodDays, now);
        }

        await keys.AddAsync(key, cancellationToken).ConfigureAwait(false);
        return key;
    }

    public async Task<KeyVersion> RotateAsync(Key key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var version = key.Rotate(Guid.NewGuid(), SealNew(key.Id, key.NextVersionNumber, key.Algorithm), clock.GetUtcNow());
        await keys.SaveAsync(key, cancellationToken).ConfigureAwait(false);
        return version;
    }

    private byte[] SealNew(Guid keyId, int version, KeyAlgorithm algorithm)
    {
        using var material = crypto.GenerateKeyMaterial(algorithm);
        return sealer.Seal(keyId, version, material);
    }
}
