using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;

namespace AutoKms.Infrastructure.Persistence.Audit;

/// <summary>Reads the audit trail as stored, on the request's session.</summary>
public sealed class AuditLogReader(DbSession session) : IAuditLog
{
    private const string Columns = "seq, time, principal, operation, key_id, version, outcome, items, request_id, client_address, hash";

    private const string ListSql = $"""
        SELECT {Columns}
        FROM audit_log
        WHERE (@KeyId IS NULL OR key_id = @KeyId)
          AND (@Principal IS NULL OR principal = @Principal)
          AND (@Operation IS NULL OR operation = @Operation)
          AND (@Since IS NULL OR time >= @Since)
          AND (@BeforeSeq IS NULL OR seq < @BeforeSeq)
        ORDER BY seq DESC
        LIMIT @Limit
        """;

    private const string ReadAfterSql = $"""
        SELECT {Columns}
        FROM audit_log
        WHERE seq > @AfterSeq
        ORDER BY seq
        LIMIT @Limit
        """;

    public Task<IReadOnlyList<AuditRecord>> ListAsync(AuditFilter filter, CancellationToken cancellationToken) =>
        session.QueryAsync<AuditRecord>(ListSql, filter, cancellationToken);

    public Task<IReadOnlyList<AuditRecord>> ReadAfterAsync(long afterSeq, int limit, CancellationToken cancellationToken) =>
        session.QueryAsync<AuditRecord>(ReadAfterSql, new { AfterSeq = afterSeq, Limit = limit }, cancellationToken);
}
