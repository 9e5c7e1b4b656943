using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Domain.Keys;

namespace AutoKms.Application.Cryptography;

/// <summary>
/// The three steps every single-version operation (sign, verify, MAC, public key) starts with:
/// load the key with the version it names (404 if none; from the key cache when warm), let the aggregate choose the version (it refuses what it must),
/// take that version's material (from the material cache when warm) for the length of one operation.
/// </summary>
public sealed class KeyMaterialReader(IKeyRepository keys, IKeyMaterialSealer sealer, AuditNotes notes)
{
    /// <param name="keyId">The key.</param>
    /// <param name="version">The version the request names, if any (else the primary one is loaded).</param>
    /// <param name="chooseVersion">The aggregate's rule for the operation.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    public async Task<UnsealedVersion> OpenAsync(Guid keyId, int? version, Func<Key, KeyVersion> chooseVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chooseVersion);
        var key = await keys.GetRequiredWithVersionsAsync(keyId, version is { } named ? [named] : [], cancellationToken).ConfigureAwait(false);
        notes.KeyUsed(key.Id);
        var chosen = chooseVersion(key);
        notes.VersionUsed(key.Id, chosen.Version);
        return new UnsealedVersion(key, chosen, sealer.Unseal(SealingContext.For(key, chosen), chosen.SealedMaterial));
    }
}
