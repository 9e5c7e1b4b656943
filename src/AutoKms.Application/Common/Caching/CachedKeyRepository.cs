using AutoKms.Application.Common.Interfaces;
using AutoKms.Domain.Keys;

namespace AutoKms.Application.Common.Caching;

/// <summary>
/// The key cache in front of storage: <see cref="GetWithVersionsAsync"/>, the load cryptographic
/// operations use, is answered from memory when it can be; every write drops the key from this
/// instance's caches as it is made and again when its transaction commits (a load between the two
/// could otherwise cache the state the write replaces). Other instances learn of the write from
/// the change feed the storage writes in the same transaction. Whole-key loads, for use cases that
/// change keys, always go to storage.
/// </summary>
public sealed class CachedKeyRepository(IKeyRepository inner, KeyCache cache, CacheInvalidation invalidation, IUnitOfWork unitOfWork) : IKeyRepository
{
    public async Task<Key?> GetWithVersionsAsync(Guid id, IReadOnlyCollection<int> versions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(versions);
        if (cache.TryGet(id, versions, out var cached))
        {
            return cached;
        }

        var epoch = cache.Epoch;
        var key = await inner.GetWithVersionsAsync(id, versions, cancellationToken).ConfigureAwait(false);
        if (key is not null)
        {
            cache.Put(key, versions, epoch);
        }

        return key;
    }

    public Task<Key?> GetAsync(Guid id, CancellationToken cancellationToken) => inner.GetAsync(id, cancellationToken);

    public Task<Key?> GetDeletedAsync(Guid id, CancellationToken cancellationToken) => inner.GetDeletedAsync(id, cancellationToken);

    public Task<Key?> GetByVersionIdAsync(Guid versionId, CancellationToken cancellationToken) => inner.GetByVersionIdAsync(versionId, cancellationToken);

    public Task<IReadOnlyList<Guid>> FindDueForRotationAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        inner.FindDueForRotationAsync(now, limit, cancellationToken);

    public Task<IReadOnlyList<Guid>> FindDeletedBeforeAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken) =>
        inner.FindDeletedBeforeAsync(cutoff, limit, cancellationToken);

    public Task<bool> NameExistsAsync(string name, Guid? exceptId, CancellationToken cancellationToken) =>
        inner.NameExistsAsync(name, exceptId, cancellationToken);

    public Task<int> CountAsync(CancellationToken cancellationToken) => inner.CountAsync(cancellationToken);

    public Task AddAsync(Key key, CancellationToken cancellationToken) => inner.AddAsync(key, cancellationToken);

    public async Task SaveAsync(Key key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        Changed(key.Id);
        await inner.SaveAsync(key, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> PurgeAsync(Guid id, DateTimeOffset deletedAtOrBefore, CancellationToken cancellationToken)
    {
        Changed(id);
        return await inner.PurgeAsync(id, deletedAtOrBefore, cancellationToken).ConfigureAwait(false);
    }

    private void Changed(Guid id)
    {
        invalidation.KeyChanged(id);
        unitOfWork.AfterCommit(() => invalidation.KeyChanged(id));
    }
}
