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
}
