using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;

namespace AutoKms.Infrastructure.Persistence.Queries;

/// <summary>List reads straight into DTOs. Stored names are the wire names, so no mapping is needed.</summary>
public sealed class KeyReadService(DbSession session) : IKeyReadService
{
    // The key-name globs filter in the query, so pages stay full. The statements differ only there:
    // SQLite matches with GLOB over json_each, PostgreSQL with LIKE over jsonb_array_elements_text,
    // each given the globs translated for it (GlobPatterns).
    private const string ListKeysSqlite = """
        SELECT k.id, k.name, k.algorithm, k.status, k.primary_version, k.usage, k.created_at, k.updated_at,
               k.min_decryption_version, k.rotation_period_days, k.next_rotation_at, v.encryptions
        FROM keys k
        JOIN key_versions v ON v.key_id = k.id AND v.version = k.primary_version
        WHERE k.deleted_at IS NULL
          AND (@Name IS NULL OR k.name = @Name)
          AND (@Status IS NULL OR k.status = @Status)
          AND (@Globs = '[]' OR EXISTS (SELECT 1 FROM json_each(@Globs) g WHERE k.name GLOB g.value))
        ORDER BY k.created_at, k.id
        LIMIT @Limit OFFSET @Offset
        """;

    private const string ListKeysPostgres = """
        SELECT k.id, k.name, k.algorithm, k.status, k.primary_version, k.usage, k.created_at, k.updated_at,
               k.min_decryption_version, k.rotation_period_days, k.next_rotation_at, v.encryptions
        FROM keys k
        JOIN key_versions v ON v.key_id = k.id AND v.version = k.primary_version
        WHERE k.deleted_at IS NULL
          AND (@Name IS NULL OR k.name = @Name)
          AND (@Status IS NULL OR k.status = @Status)
          AND (@Globs = '[]' OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(CAST(@Globs AS jsonb)) g(value) WHERE k.name LIKE g.value ESCAPE '\'))
        ORDER BY k.created_at, k.id
        LIMIT @Limit OFFSET @Offset
        """;

    private const string ListVersionsSqlite = """
        SELECT v.id, v.key_id, v.version, v.status, v.created_at
        FROM key_versions v
        JOIN keys k ON k.id = v.key_id AND k.deleted_at IS NULL
        WHERE (@KeyId IS NULL OR v.key_id = @KeyId)
          AND (@Globs = '[]' OR EXISTS (SELECT 1 FROM json_each(@Globs) g WHERE k.name GLOB g.value))
        ORDER BY k.created_at, v.key_id, v.version
        LIMIT @Limit OFFSET @Offset
        """;

    private const string ListVersionsPostgres = """
        SELECT v.id, v.key_id, v.version, v.status, v.created_at
        FROM key_versions v
        JOIN keys k ON k.id = v.key_id AND k.deleted_at IS NULL
        WHERE (@KeyId IS NULL OR v.key_id = @KeyId)
          AND (@Globs = '[]' OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(CAST(@Globs AS jsonb)) g(value) WHERE k.name LIKE g.value ESCAPE '\'))
        ORDER BY k.created_at, v.key_id, v.version
        LIMIT @Limit OFFSET @Offset
        """;

    private const string ListDeletedSqlite = """
        SELECT id, name, algorithm, usage, deleted_at
        FROM keys
        WHERE deleted_at IS NOT NULL AND deleted_at > @DeletedAfter
          AND (@Globs = '[]' OR EXISTS (SELECT 1 FROM json_each(@Globs) g WHERE name GLOB g.value))
        ORDER BY deleted_at, id
        LIMIT @Limit OFFSET @Offset
        """;

    private const string ListDeletedPostgres = """
        SELECT id, name, algorithm, usage, deleted_at
        FROM keys
        WHERE deleted_at IS NOT NULL AND deleted_at > @DeletedAfter
          AND (@Globs = '[]' OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(CAST(@Globs AS jsonb)) g(value) WHERE name LIKE g.value ESCAPE '\'))
        ORDER BY deleted_at, id
        LIMIT @Limit OFFSET @Offset
        """;

    public Task<IReadOnlyList<DeletedKeyDto>> ListDeletedKeysAsync(DateTimeOffset deletedAfter, IReadOnlyList<string> keyGlobs, int limit, int offset, CancellationToken cancellationToken) =>
        session.QueryAsync<DeletedKeyDto>(Sql(ListDeletedSqlite, ListDeletedPostgres), new { DeletedAfter = deletedAfter, Globs = GlobsJson(keyGlobs), Limit = limit, Offset = offset }, cancellationToken);

    public Task<IReadOnlyList<KeyDto>> ListKeysAsync(string? name, string? status, IReadOnlyList<string> keyGlobs, int limit, int offset, CancellationToken cancellationToken) =>
        session.QueryAsync<KeyDto>(Sql(ListKeysSqlite, ListKeysPostgres), new { Name = name, Status = status, Globs = GlobsJson(keyGlobs), Limit = limit, Offset = offset }, cancellationToken);

    public Task<IReadOnlyList<KeyVersionDto>> ListKeyVersionsAsync(Guid? keyId, IReadOnlyList<string> keyGlobs, int limit, int offset, CancellationToken cancellationToken) =>
        session.QueryAsync<KeyVersionDto>(Sql(ListVersionsSqlite, ListVersionsPostgres), new { KeyId = keyId, Globs = GlobsJson(keyGlobs), Limit = limit, Offset = offset }, cancellationToken);

    /// <summary>
    /// The caller's key-name globs as a JSON array of the provider's patterns (same <c>*</c> and
    /// <c>?</c> as <c>KeyNameGlob</c>, by code point): SQLite GLOB patterns, PostgreSQL LIKE patterns.
    /// </summary>
    private string GlobsJson(IReadOnlyList<string> keyGlobs) =>
        System.Text.Json.JsonSerializer.Serialize(keyGlobs.Select(session.Database.Sql<Func<string, string>>(GlobPatterns.ToSqliteGlob, GlobPatterns.ToPostgresLike)));

    private string Sql(string sqlite, string postgres) => session.Database.Sql(sqlite, postgres);
}
