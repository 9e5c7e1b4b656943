using System.Text.Json.Serialization;
using AutoKms.Application.Health.Queries.CheckHealth;

namespace AutoKms.Api.Contracts.Service;

/// <summary><c>{"ok": true}</c>; when the database is unreachable, <c>{"ok": false, "error": "..."}</c> with 503.</summary>
public sealed class HealthResponse
{
    /// <example>true</example>
    public bool Ok { get; init; }

    /// <example>database unavailable</example>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Error { get; init; }

    public static HealthResponse From(HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new HealthResponse { Ok = report.Ok, Error = report.Error };
    }
}
