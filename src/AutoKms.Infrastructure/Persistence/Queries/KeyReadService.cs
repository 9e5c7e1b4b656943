using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;

namespace AutoKms.Infrastructure.Persistence.Queries;

/// <summary>List reads straight into DTOs. Stored names are the wire names, so no mapping is needed.</summary>
public sealed class KeyReadService(DbSession session) : IKeyReadService
{
    private const string ListKeysSql = """
        SELECT k.id, k.name, k.algorithm, k.status, k.primary_version, k.usage, k.created_at, k.updated_at,
               k.min_decryption_version, k.rotation_period_days, k.next_rotation_at, v.encryptions
        FROM keys k
        JOIN key_versions v ON v.key_id = k.id AND v.version = k.primary_version
        WHERE k.deleted_at IS NULL
          AND (@Name IS NULL OR k.name = @Name)
          AND (@Status IS NULL OR k.status = @Status)
        ORDER BY k.created_at, k.id
        LIMIT @Limit OFFSET @Offset
        """;

    private const string ListVersionsSql = """
        SELECT v.id, v.key_id, v.version, v.status, v.created_at
        FROM key_versions v
        JOIN keys k ON k.id = v.key_id AND k.deleted_at IS NULL
        WHERE (@KeyId IS NULL OR v.key_id = @KeyId)
        ORDER BY k.created_at, v.key_id, v.version
        LIMIT @Limit OFFSET @Offset
        """;

    private const string ListDeletedSql = """
        SELECT id, name, algorithm, usage, deleted_at
        FROM keys
        WHERE deleted_at IS NOT NULL AND deleted_at > @DeletedAfter
        ORDER BY deleted_at, id
        LIMIT @Limit OFFSET @Offset
        """;

    public Task<IReadOnlyList<DeletedKeyDto>> ListDeletedKeysAsync(DateTimeOffset deletedAfter, int limit, int offset, CancellationToken cancellationToken) =>
        session.QueryAsync<DeletedKeyDto>(ListDeletedSql, new { DeletedAfter = deletedAfter, Limit = limit, Offset = offset }, cancellationToken);

    public Task<IReadOnlyList<KeyDto>> ListKeysAsync(string? name, string? status, int limit, int offset, CancellationToken cancellationToken) =>
        session.QueryAsync<KeyDto>(ListKeysSql, new { Name = name, Status = status, Limit = limit, Offset = offset }, cancellationToken);

    public Task<IReadOnlyList<KeyVersionDto>> ListKeyVersionsAsync(Guid? keyId, int limit, int offset, CancellationToken cancellationToken) =>
        session.QueryAsync<KeyVersionDto>(ListVersionsSql, new { KeyId = keyId, Limit = limit, Offset = offset }, cancellationToken);
}
