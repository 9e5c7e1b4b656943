namespace AutoKms.Application.Health.Queries.CheckHealth;

/// <summary><c>{"ok": true}</c>, or <c>{"ok": false, "error": "..."}</c> when the database is unreachable.</summary>
public sealed record HealthReport(bool Ok, string? Error = null);
