using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;

namespace AutoKms.Infrastructure.Persistence.Audit;

/// <summary>
/// Reads the audit trail as stored, on the request's session. PostgreSQL keeps <c>key_id</c> as a
/// <c>uuid</c>, read back as its lowercase "D" text: the form it was hashed in.
/// </summary>
public sealed class AuditLogReader(DbSession session) : IAuditLog
{
    private const string ColumnsSqlite = "seq, time, principal, operation, key_id, version, outcome, items, request_id, client_address, hash";

    private const string ColumnsPostgres = "seq, time, principal, operation, key_id::text AS key_id, version, outcome, items, request_id, client_address, hash";

    private const string ListSqlite = $"""
        SELECT {ColumnsSqlite}
        FROM audit_log
        WHERE (@KeyId IS NULL OR key_id = @KeyId)
          AND (@Principal IS NULL OR principal = @Principal)
          AND (@Operation IS NULL OR operation = @Operation)
          AND (@Since IS NULL OR time >= @Since)
          AND (@BeforeSeq IS NULL OR seq < @BeforeSeq)
        ORDER BY seq DESC
        LIMIT @Limit
        """;

    private const string ListPostgres = $"""
        SELECT {ColumnsPostgres}
        FROM audit_log
        WHERE (@KeyId IS NULL OR key_id = CAST(@KeyId AS uuid))
          AND (@Principal IS NULL OR principal = @Principal)
          AND (@Operation IS NULL OR operation = @Operation)
          AND (@Since IS NULL OR time >= @Since)
          AND (@BeforeSeq IS NULL OR seq < @BeforeSeq)
        ORDER BY seq DESC
        LIMIT @Limit
        """;

    private const string ReadAfterSqlite = $"""
        SELECT {ColumnsSqlite}
        FROM audit_log
        WHERE seq > @AfterSeq
        ORDER BY seq
        LIMIT @Limit
        """;

    private const string ReadAfterPostgres = $"""
        SELECT {ColumnsPostgres}
        FROM audit_log
        WHERE seq > @AfterSeq
        ORDER BY seq
        LIMIT @Limit
        """;

    public Task<IReadOnlyList<AuditRecord>> ListAsync(AuditFilter filter, CancellationToken cancellationToken) =>
        session.QueryAsync<AuditRecord>(session.Database.Sql(ListSqlite, ListPostgres), filter, cancellationToken);

    public Task<IReadOnlyList<AuditRecord>> ReadAfterAsync(long afterSeq, int limit, CancellationToken cancellationToken) =>
        session.QueryAsync<AuditRecord>(session.Database.Sql(ReadAfterSqlite, ReadAfterPostgres), new { AfterSeq = afterSeq, Limit = limit }, cancellationToken);
}
