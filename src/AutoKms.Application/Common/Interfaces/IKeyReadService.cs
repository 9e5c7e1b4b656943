using AutoKms.Application.Common.Models;

namespace AutoKms.Application.Common.Interfaces;

/// <summary>The read side: lists answered straight from SQL into DTOs, no aggregate loaded.</summary>
public interface IKeyReadService
{
    Task<IReadOnlyList<KeyDto>> ListKeysAsync(string? name, string? status, int limit, int offset, CancellationToken cancellationToken);

    /// <summary>Deleted keys still inside their retention window, oldest deletion first.</summary>
    Task<IReadOnlyList<DeletedKeyDto>> ListDeletedKeysAsync(int limit, int offset, CancellationToken cancellationToken);

    Task<IReadOnlyList<KeyVersionDto>> ListKeyVersionsAsync(Guid? keyId, int limit, int offset, CancellationToken cancellationToken);
}
