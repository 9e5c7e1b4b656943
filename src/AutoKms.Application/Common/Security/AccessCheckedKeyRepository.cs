using AutoKms.Application.Common.Interfaces;
using AutoKms.Domain.Keys;

namespace AutoKms.Application.Common.Security;

/// <summary>
/// The one place keys are handed to use cases, so the one place the caller's key-name rules
/// are enforced: every key loaded, added or saved (a rename included) must be one the caller may
/// use, else 403. Wraps the storage's repository; lists apply the same globs in their queries.
/// </summary>
public sealed class AccessCheckedKeyRepository(IKeyRepository inner, IKeyAccess access) : IKeyRepository
{
    public async Task<Key?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await CheckedAsync(await inner.GetAsync(id, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    public async Task<Key?> GetWithVersionsAsync(Guid id, IReadOnlyCollection<int> versions, CancellationToken cancellationToken) =>
        await CheckedAsync(await inner.GetWithVersionsAsync(id, versions, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    public async Task<Key?> GetDeletedAsync(Guid id, CancellationToken cancellationToken) =>
        await CheckedAsync(await inner.GetDeletedAsync(id, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    public async Task<Key?> GetByVersionIdAsync(Guid versionId, CancellationToken cancellationToken) =>
        await CheckedAsync(await inner.GetByVersionIdAsync(versionId, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    public Task<bool> PurgeAsync(Guid id, DateTimeOffset deletedAtOrBefore, CancellationToken cancellationToken) =>
        inner.PurgeAsync(id, deletedAtOrBefore, cancellationToken);

    public Task<IReadOnlyList<Guid>> FindDueForRotationAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        inner.FindDueForRotationAsync(now, limit, cancellationToken);

    public Task<IReadOnlyList<Guid>> FindDeletedBeforeAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken) =>
        inner.FindDeletedBeforeAsync(cutoff, limit, cancellationToken);

    public Task<bool> NameExistsAsync(string name, Guid? exceptId, CancellationToken cancellationToken) =>
        inner.NameExistsAsync(name, exceptId, cancellationToken);

    public Task<int> CountAsync(CancellationToken cancellationToken) => inner.CountAsync(cancellationToken);

    public async Task AddAsync(Key key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await access.EnsureMayUseAsync(key.Name, cancellationToken).ConfigureAwait(false);
        await inner.AddAsync(key, cancellationToken).ConfigureAwait(false);
    }

    public async Task SaveAsync(Key key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await access.EnsureMayUseAsync(key.Name, cancellationToken).ConfigureAwait(false);
        await inner.SaveAsync(key, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Key?> CheckedAsync(Key? key, CancellationToken cancellationToken)
    {
        if (key is not null)
        {
            await access.EnsureMayUseAsync(key.Name, cancellationToken).ConfigureAwait(false);
        }

        return key;
    }
}
