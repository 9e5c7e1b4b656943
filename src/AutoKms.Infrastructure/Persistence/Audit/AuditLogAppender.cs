using System.Data.Common;
using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Models;
using Dapper;

namespace AutoKms.Infrastructure.Persistence.Audit;

/// <summary>
/// The storage side of the audit writer: one connection of its own, kept open (only the writer's
/// loop uses it, one batch at a time), and one write transaction per batch that reads the chain's
/// tail, inserts the batch and commits. SQLite's write lock keeps the tail still until the commit;
/// on PostgreSQL the transaction locks the table against other appenders first (another instance
/// of the service may be appending to the same trail), readers unaffected.
/// </summary>
public sealed class AuditLogAppender(KmsDatabase database) : IAuditLogAppender, IAsyncDisposable
{
    private const string LockTailPostgresSql = "LOCK TABLE audit_log IN SHARE ROW EXCLUSIVE MODE";

    private const string TailSql = "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1";

    private const string InsertSqlite = """
        INSERT INTO audit_log (seq, time, principal, operation, key_id, version, outcome, items, request_id, client_address, hash)
        VALUES (@Seq, @Time, @Principal, @Operation, @KeyId, @Version, @Outcome, @Items, @RequestId, @ClientAddress, @Hash)
        """;

    // key_id is a uuid column; the record carries it as the text it was hashed as.
    private const string InsertPostgres = """
        INSERT INTO audit_log (seq, time, principal, operation, key_id, version, outcome, items, request_id, client_address, hash)
        VALUES (@Seq, @Time, @Principal, @Operation, CAST(@KeyId AS uuid), @Version, @Outcome, @Items, @RequestId, @ClientAddress, @Hash)
        """;

    private DbConnection? _connection;

    public async Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        _connection ??= await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var transaction = await database.BeginWriteAsync(_connection, cancellationToken).ConfigureAwait(false);
            if (database.Sql<string?>(sqlite: null, postgres: LockTailPostgresSql) is { } lockTail)
            {
                await _connection.ExecuteAsync(new CommandDefinition(lockTail, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }

            // Read inside the lock: the tail cannot move until this commits.
            var tail = await _connection.QuerySingleOrDefaultAsync<Tail>(new CommandDefinition(TailSql, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            var seq = tail?.Seq ?? 0;
            var previous = tail?.Hash ?? AuditChain.GenesisHash;
            var records = new List<AuditRecord>(entries.Count);
            foreach (var entry in entries)
            {
                var record = AuditChain.Seal(++seq, entry, previous);
                records.Add(record);
                previous = record.Hash;
            }

            var insert = database.Sql(sqlite: InsertSqlite, postgres: InsertPostgres);
            await _connection.ExecuteAsync(new CommandDefinition(insert, records, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Start the next batch on a fresh connection: this one may be in any state.
            await _connection.DisposeAsync().ConfigureAwait(false);
            _connection = null;
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
            _connection = null;
        }
    }

    private sealed record Tail(long Seq, string Hash);
}
