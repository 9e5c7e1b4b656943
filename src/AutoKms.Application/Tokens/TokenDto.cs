namespace AutoKms.Application.Tokens;

/// <summary>A token as admins see it: never its secret.</summary>
public sealed record TokenDto
{
    /// <example>7d0c7f2e-2d3a-4c1b-9a55-3c2f4d5e6a7b</example>
    public Guid Id { get; init; }

    /// <example>billing-service</example>
    public string Name { get; init; } = string.Empty;

    /// <summary>kms.admin, kms.keys.manage, kms.keys.read, kms.encrypt, kms.decrypt, kms.sign, kms.verify.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>Key-name globs the token is limited to; empty: every key.</summary>
    public IReadOnlyList<string> Keys { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    public static TokenDto From(Domain.Tokens.AccessToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return new TokenDto
        {
            Id = token.Id,
            Name = token.Name,
            Scopes = token.Scopes,
            Keys = token.KeyGlobs,
            CreatedAt = token.CreatedAt,
            ExpiresAt = token.ExpiresAt,
            RevokedAt = token.RevokedAt,
        };
    }
}
