using AutoKms.Application.Common.Models;

namespace AutoKms.Application.Common.Interfaces;

/// <summary>
/// The sealed blobs of key versions as stored, apart from the aggregates: what a root-key rotation
/// re-seals one version at a time. Each call is its own short transaction.
/// </summary>
public interface ISealedMaterialStore
{
    /// <summary>Every version that still has sealed material (live and deleted keys alike).</summary>
    Task<IReadOnlyList<Guid>> ListSealedVersionIdsAsync(CancellationToken cancellationToken);

    /// <summary>One version's blob and what it is bound to, or <c>null</c> once destroyed or purged.</summary>
    Task<SealedVersion?> FindSealedVersionAsync(Guid versionId, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the blob if it is still <paramref name="current"/>; <c>false</c> when it changed
    /// meanwhile (the version was destroyed or purged), so a rotation never brings material back.
    /// </summary>
    Task<bool> ReplaceSealedMaterialAsync(Guid versionId, byte[] current, byte[] replacement, CancellationToken cancellationToken);
}
