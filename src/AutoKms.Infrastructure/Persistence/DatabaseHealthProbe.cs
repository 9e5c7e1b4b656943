using AutoKms.Application.Common.Interfaces;

namespace AutoKms.Infrastructure.Persistence;

/// <summary>A real round trip: reads the schema version from the database (either provider).</summary>
public sealed class DatabaseHealthProbe(DbSession session) : IHealthProbe
{
    private const string ProbeSql = "SELECT COUNT(*) FROM schema_migrations";

    public Task CheckAsync(CancellationToken cancellationToken) => session.ExecuteScalarAsync<long>(ProbeSql, null, cancellationToken);
}
