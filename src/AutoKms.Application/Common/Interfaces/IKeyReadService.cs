using AutoKms.Application.Common.Models;

namespace AutoKms.Application.Common.Interfaces;

/// <summary>
/// The read side: lists answered straight from SQL into DTOs, no aggregate loaded. Each list
/// keeps only keys whose name matches one of <c>keyGlobs</c> (the caller's; empty: every key).
/// </summary>
public interface IKeyReadService
{
    Task<IReadOnlyList<KeyDto>> ListKeysAsync(string? name, string? status, IReadOnlyList<string> keyGlobs, int limit, int offset, CancellationToken cancellationToken);

    /// <summary>
    /// Keys deleted after <paramref name="deletedAfter"/> (those still inside their retention
    /// window), oldest deletion first. The filter is part of the query, so limit and offset count
    /// recoverable keys only. <see cref="DeletedKeyDto.PurgeAt"/> is left for the caller to set.
    /// </summary>
    Task<IReadOnlyList<DeletedKeyDto>> ListDeletedKeysAsync(DateTimeOffset deletedAfter, IReadOnlyList<string> keyGlobs, int limit, int offset, CancellationToken cancellationToken);

    Task<IReadOnlyList<KeyVersionDto>> ListKeyVersionsAsync(Guid? keyId, IReadOnlyList<string> keyGlobs, int limit, int offset, CancellationToken cancellationToken);
}
