namespace AutoKms.Application.Common.Models;

/// <summary>A deleted key waiting out its retention window: it can be recovered until <see cref="PurgeAt"/>.</summary>
public sealed record DeletedKeyDto
{
    /// <example>5e454eb6-7739-453b-9aee-21d60032a773</example>
    public Guid Id { get; init; }

    /// <example>demo</example>
    public string Name { get; init; } = string.Empty;

    /// <example>AES256_GCM</example>
    public string Algorithm { get; init; } = string.Empty;

    /// <example>encrypt_decrypt</example>
    public string Usage { get; init; } = string.Empty;

    public DateTimeOffset DeletedAt { get; init; }

    /// <summary>When the key and its material are erased for good.</summary>
    public DateTimeOffset PurgeAt { get; init; }
}
