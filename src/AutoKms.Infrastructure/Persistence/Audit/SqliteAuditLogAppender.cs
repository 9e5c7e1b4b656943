using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Models;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AutoKms.Infrastructure.Persistence.Audit;

/// <summary>
/// The SQLite side of the audit writer: one connection of its own, kept open (only the writer's
/// loop uses it, one batch at a time), and one <c>BEGIN IMMEDIATE</c> transaction per batch that
/// reads the chain's tail, inserts the batch and commits.
/// </summary>
public sealed class SqliteAuditLogAppender(SqliteDatabase database) : IAuditLogAppender, IAsyncDisposable
{
    private const string TailSql = "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1";

    private const string InsertSql = """
        INSERT INTO audit_log (seq, time, principal, operation, key_id, version, outcome, items, request_id, client_address, hash)
        VALUES (@Seq, @Time, @Principal, @Operation, @KeyId, @Version, @Outcome, @Items, @RequestId, @ClientAddress, @Hash)
        """;

    private SqliteConnection? _connection;

    public async Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        _connection ??= await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var transaction = _connection.BeginTransaction(deferred: false);

            // Read inside the write lock: the tail cannot move until this commits.
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

            await _connection.ExecuteAsync(new CommandDefinition(InsertSql, records, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
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
