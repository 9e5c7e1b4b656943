namespace AutoKms.Application.Common.Models;

/// <summary>A version of a key, never its material.</summary>
public sealed class KeyVersionDto
{
    /// <example>0b6f1c52-4f1e-4c55-9a51-0c6a3d1c2e11</example>
    public Guid Id { get; init; }

    /// <example>5e454eb6-7739-453b-9aee-21d60032a773</example>
    public Guid KeyId { get; init; }

    /// <example>1</example>
    public int Version { get; init; }

    /// <summary>enabled, disabled or destroyed.</summary>
    /// <example>enabled</example>
    public string Status { get; init; } = string.Empty;

    public DateTimeOffset CreatedAt { get; init; }
}
