namespace AutoKms.Infrastructure.Persistence;

/// <summary>The storage engine behind the service (<c>Kms:Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>One SQLite file (default <c>kms.db</c>): nothing to install or initialise.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database reached through Npgsql, shared by any number of instances.</summary>
    Postgres,
}
