using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Domain.Keys;

namespace AutoKms.Application.Cryptography;

/// <summary>
/// The three steps every single-version operation (sign, verify, MAC, public key) starts with:
/// load the key (404 if none), let the aggregate choose the version (it refuses what it must),
/// unseal that version's material for the length of one operation.
/// </summary>
public sealed class KeyMaterialReader(IKeyRepository keys, IKeyMaterialSealer sealer, AuditNotes notes)
{
    public async Task<UnsealedVersion> OpenAsync(Guid keyId, Func<Key, KeyVersion> chooseVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chooseVersion);
        var key = await keys.GetRequiredAsync(keyId, cancellationToken).ConfigureAwait(false);
        notes.KeyUsed(key.Id);
        var version = chooseVersion(key);
        notes.VersionUsed(key.Id, version.Version);
        return new UnsealedVersion(key, version, sealer.Unseal(SealingContext.For(key, version), version.SealedMaterial));
    }
}
