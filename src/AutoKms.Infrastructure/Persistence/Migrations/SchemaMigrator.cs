using Dapper;
using Microsoft.Extensions.Logging;

namespace AutoKms.Infrastructure.Persistence.Migrations;

/// <summary>
/// Brings the database to the newest schema at start-up: no manual initialisation step. Each
/// migration runs in its own transaction with its row in <c>schema_migrations</c>, with the schema
/// to itself (<see cref="KmsDatabase.RunMigrationAsync"/>: on PostgreSQL an advisory lock, so two
/// instances starting at once migrate one after the other and the second finds nothing to do).
/// </summary>
public sealed partial class SchemaMigrator(KmsDatabase database, ILogger<SchemaMigrator> logger)
{
    private const string CreateHistorySqlite = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version     INTEGER PRIMARY KEY,
            description TEXT NOT NULL,
            applied_at  TEXT NOT NULL
        );
        """;

    private const string CreateHistoryPostgres = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version     integer PRIMARY KEY,
            description text NOT NULL,
            applied_at  timestamptz NOT NULL
        );
        """;

    private const string AppliedSql = "SELECT version FROM schema_migrations";

    private const string IsAppliedSql = "SELECT COUNT(*) FROM schema_migrations WHERE version = @Version";

    private const string RecordSql = """
        INSERT INTO schema_migrations (version, description, applied_at) VALUES (@Version, @Description, @AppliedAt)
        """;

    public async Task MigrateAsync(IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await database.RunMigrationAsync(
            connection,
            async () =>
            {
                var createHistory = database.Sql(sqlite: CreateHistorySqlite, postgres: CreateHistoryPostgres);
                await connection.ExecuteAsync(new CommandDefinition(createHistory, cancellationToken: cancellationToken)).ConfigureAwait(false);

                var applied = (await connection.QueryAsync<long>(new CommandDefinition(AppliedSql, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToHashSet();
                foreach (var migration in migrations.OrderBy(m => m.Version).Where(m => !applied.Contains(m.Version)))
                {
                    await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);

                    // Checked again inside the write transaction: another instance may have applied it meanwhile.
                    if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(IsAppliedSql, new { migration.Version }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0)
                    {
                        continue;
                    }

                    await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                    await connection.ExecuteAsync(new CommandDefinition(
                        RecordSql,
                        new { migration.Version, migration.Description, AppliedAt = DateTimeOffset.UtcNow },
                        transaction,
                        cancellationToken: cancellationToken)).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    LogApplied(logger, migration.Version, migration.Description);
                }
            },
            cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied schema migration {Version}: {Description}")]
    private static partial void LogApplied(ILogger logger, int version, string description);
}
