namespace AutoKms.Infrastructure.Persistence.Migrations;

/// <summary>One forward-only schema step. Applied once, in order, inside a transaction.</summary>
public sealed record Migration(int Version, string Description, string Sql);
