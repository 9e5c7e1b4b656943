using System.Text.Json.Serialization;

namespace AutoKms.Api.Contracts;

/// <summary><c>{"ok": true}</c>; when the database is unreachable, <c>{"ok": false, "error": "..."}</c> with 503.</summary>
public sealed class HealthResponse
{
    /// <example>true</example>
    public bool Ok { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Error { get; init; }
}
