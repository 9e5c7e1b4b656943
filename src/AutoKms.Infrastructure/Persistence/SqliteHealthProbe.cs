using AutoKms.Application.Common.Interfaces;
using Dapper;

namespace AutoKms.Infrastructure.Persistence;

/// <summary>A real round trip: reads the schema version from the database file.</summary>
public sealed class SqliteHealthProbe(DbSession session) : IHealthProbe
{
    private const string ProbeSql = "SELECT COUNT(*) FROM schema_migrations";

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(ProbeSql, transaction: session.Transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
