namespace AutoKms.Domain.Tokens;

/// <summary>
/// A bearer token the service issued: a name, the scopes it grants, the key-name globs it is
/// limited to (none: every key), an optional expiry and, once revoked, when. The secret itself is
/// never held: only its SHA-256, which is what a presented token is looked up by.
/// </summary>
public sealed class AccessToken
{
    public const int MaxNameLength = 120;

    private AccessToken(Guid id, string name, IReadOnlyList<string> scopes, IReadOnlyList<string> keyGlobs, byte[] secretHash, DateTimeOffset createdAt, DateTimeOffset? expiresAt, DateTimeOffset? revokedAt)
    {
        if (id == Guid.Empty)
        {
            throw new ArgumentException("A token id cannot be empty.", nameof(id));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(secretHash);
        Id = id;
        Name = name;
        Scopes = scopes;
        KeyGlobs = keyGlobs;
        SecretHash = secretHash;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
        RevokedAt = revokedAt;
    }

    public Guid Id { get; }

    public string Name { get; }

    public IReadOnlyList<string> Scopes { get; }

    public IReadOnlyList<string> KeyGlobs { get; }

    /// <summary>SHA-256 of the secret; the secret is shown once, at issue, and never stored.</summary>
    public byte[] SecretHash { get; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset? ExpiresAt { get; }

    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>Issues a token. Expiry, if any, must lie in the future.</summary>
    public static AccessToken Issue(Guid id, string name, IReadOnlyList<string> scopes, IReadOnlyList<string> keyGlobs, byte[] secretHash, DateTimeOffset now, DateTimeOffset? expiresAt)
    {
        if (expiresAt is { } expiry && expiry <= now)
        {
            throw new TokenRuleViolationException("expires_at must lie in the future");
        }

        if (scopes.Count == 0)
        {
            throw new TokenRuleViolationException("A token needs at least one scope");
        }

        return new AccessToken(id, name, scopes, keyGlobs, secretHash, now, expiresAt, null);
    }

    /// <summary>Rebuilds a token from storage; no rule is re-checked.</summary>
    public static AccessToken Rehydrate(Guid id, string name, IReadOnlyList<string> scopes, IReadOnlyList<string> keyGlobs, byte[] secretHash, DateTimeOffset createdAt, DateTimeOffset? expiresAt, DateTimeOffset? revokedAt) =>
        new(id, name, scopes, keyGlobs, secretHash, createdAt, expiresAt, revokedAt);

    /// <summary>Whether the token authenticates a request at <paramref name="now"/>.</summary>
    public bool IsActive(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is not { } expiry || expiry > now);

    /// <summary>Stops the token at once; revoking twice is refused (409), so a client learns it already was.</summary>
    public void Revoke(DateTimeOffset now)
    {
        if (RevokedAt is not null)
        {
            throw new TokenRuleViolationException("The token is already revoked");
        }

        RevokedAt = now;
    }

    public override string ToString() => $"Token {Id} ({Name})";
}
