using Dapper;
using Microsoft.Extensions.Logging;

namespace AutoKms.Infrastructure.Persistence.Migrations;

/// <summary>
/// Brings the database to the newest schema at start-up: no manual initialisation step. Each
/// migration runs in its own transaction with its row in <c>schema_migrations</c>.
/// </summary>
public sealed partial class SchemaMigrator(SqliteDatabase database, ILogger<SchemaMigrator> logger)
{
    private const string CreateHistorySql = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version     INTEGER PRIMARY KEY,
            description TEXT NOT NULL,
            applied_at  TEXT NOT NULL
        );
        """;

    private const string AppliedSql = "SELECT version FROM schema_migrations";

    private const string RecordSql = """
        INSERT INTO schema_migrations (version, description, applied_at) VALUES (@Version, @Description, @AppliedAt)
        """;

    public async Task MigrateAsync(IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);

        // WAL lets readers run beside the single writer; the mode is stored in the file.
        await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode = WAL;", cancellationToken: cancellationToken)).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(CreateHistorySql, cancellationToken: cancellationToken)).ConfigureAwait(false);

        var applied = (await connection.QueryAsync<long>(new CommandDefinition(AppliedSql, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToHashSet();
        foreach (var migration in migrations.OrderBy(m => m.Version).Where(m => !applied.Contains(m.Version)))
        {
            await using var transaction = connection.BeginTransaction(deferred: false);
            await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(
                RecordSql,
                new { migration.Version, migration.Description, AppliedAt = DateTimeOffset.UtcNow },
                transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            LogApplied(logger, migration.Version, migration.Description);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied schema migration {Version}: {Description}")]
    private static partial void LogApplied(ILogger logger, int version, string description);
}
