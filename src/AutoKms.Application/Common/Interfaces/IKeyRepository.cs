using AutoKms.Domain.Keys;

namespace AutoKms.Application.Common.Interfaces;

/// <summary>Loads and saves whole <see cref="Key"/> aggregates, versions included.</summary>
public interface IKeyRepository
{
    /// <summary>The key with this id, or <c>null</c> if there is none or it is deleted.</summary>
    Task<Key?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// The live key with its primary version and those of <paramref name="versions"/> that exist,
    /// no others (<see cref="Key.HasAllVersions"/> false), or <c>null</c>: what a cryptographic
    /// operation needs, at a cost that does not grow with the number of versions. Such a key is
    /// for reading; it cannot be rotated.
    /// </summary>
    Task<Key?> GetWithVersionsAsync(Guid id, IReadOnlyCollection<int> versions, CancellationToken cancellationToken);

    /// <summary>
    /// The deleted key with this id, or <c>null</c>. It may be past its retention window but not
    /// yet purged: the aggregate decides what that means (<see cref="Key.Recover"/>).
    /// </summary>
    Task<Key?> GetDeletedAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// Erases a deleted key and all its versions for good, if it was deleted at or before
    /// <paramref name="deletedAtOrBefore"/> (re-checked in the same statement). Answers whether it did.
    /// </summary>
    Task<bool> PurgeAsync(Guid id, DateTimeOffset deletedAtOrBefore, CancellationToken cancellationToken);

    /// <summary>Ids of live keys whose automatic rotation is due at <paramref name="now"/>.</summary>
    Task<IReadOnlyList<Guid>> FindDueForRotationAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>Ids of keys deleted at or before <paramref name="cutoff"/>: their retention window is over.</summary>
    Task<IReadOnlyList<Guid>> FindDeletedBeforeAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken);

    /// <summary>The key that owns the version with this id, or <c>null</c>.</summary>
    Task<Key?> GetByVersionIdAsync(Guid versionId, CancellationToken cancellationToken);

    /// <summary>Whether any key, deleted ones included, holds this name (other than <paramref name="exceptId"/>).</summary>
    Task<bool> NameExistsAsync(string name, Guid? exceptId, CancellationToken cancellationToken);

    /// <summary>How many keys are stored, deleted ones waiting for purge included.</summary>
    Task<int> CountAsync(CancellationToken cancellationToken);

    Task AddAsync(Key key, CancellationToken cancellationToken);

    /// <summary>Writes the key row and every version (new versions inserted, changed ones updated).</summary>
    Task SaveAsync(Key key, CancellationToken cancellationToken);
}
