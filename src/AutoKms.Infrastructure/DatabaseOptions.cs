namespace AutoKms.Infrastructure;

/// <summary>The <c>Kms:Database</c> settings. The connection string is <c>ConnectionStrings:Kms</c> for either provider.</summary>
public sealed class DatabaseOptions
{
    public const string Sqlite = "sqlite";

    public const string Postgres = "postgres";

    /// <summary>
    /// <c>sqlite</c> (default: one file, <c>kms.db</c> unless <c>ConnectionStrings:Kms</c> names
    /// another, nothing to initialise) or <c>postgres</c> (a PostgreSQL database named by
    /// <c>ConnectionStrings:Kms</c>, an Npgsql connection string; the schema is migrated at start-up).
    /// </summary>
    public string? Provider { get; set; }
}
