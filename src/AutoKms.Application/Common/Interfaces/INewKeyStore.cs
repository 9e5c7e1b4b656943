using AutoKms.Domain.Keys;

namespace AutoKms.Application.Common.Interfaces;

/// <summary>
/// Stores newly created keys durably. Creations of concurrent requests share one transaction and
/// so one disk sync (group commit); each request's keys are still stored all together or not at
/// all, and the task completes only once they are committed.
/// </summary>
public interface INewKeyStore
{
    /// <summary>
    /// Stores <paramref name="keys"/>, all or none; a name already taken (by a stored key or by
    /// another key committed in the same group) fails this call alone with a 409
    /// <see cref="Exceptions.ConflictException"/>.
    /// </summary>
    Task AddAsync(IReadOnlyList<Key> keys, CancellationToken cancellationToken);
}
