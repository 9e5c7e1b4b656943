using AutoKms.Application.Common.Exceptions;
using AutoKms.Domain.Keys;

namespace AutoKms.Application.Common.Interfaces;

public static class KeyRepositoryExtensions
{
    /// <summary>The key with this id; a 404 <see cref="NotFoundException"/> if there is none.</summary>
    public static async Task<Key> GetRequiredAsync(this IKeyRepository repository, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return await repository.GetAsync(id, cancellationToken).ConfigureAwait(false) ?? throw NotFoundException.Key();
    }

    /// <summary>
    /// The key with its primary version and <paramref name="versions"/> (those that exist), for a
    /// cryptographic operation; a 404 <see cref="NotFoundException"/> if there is no such key.
    /// </summary>
    public static async Task<Key> GetRequiredWithVersionsAsync(this IKeyRepository repository, Guid id, IReadOnlyCollection<int> versions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return await repository.GetWithVersionsAsync(id, versions, cancellationToken).ConfigureAwait(false) ?? throw NotFoundException.Key();
    }
}
