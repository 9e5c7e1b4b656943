namespace AutoKms.Application.Common.Security;

/// <summary>
/// Who is asking: the authenticated principal's name (a token's name, a JWT subject, or
/// <c>local</c> in open mode), its scopes and the key-name globs it is limited to (empty: every key).
/// Never a token or any other secret.
/// </summary>
public sealed record Caller(string Name, IReadOnlySet<string> Scopes, IReadOnlyList<string> KeyGlobs)
{
    /// <summary>The caller of work the service does by itself (scheduled rotation, purge).</summary>
    public static Caller Service { get; } = new("service", new HashSet<string>(StringComparer.Ordinal) { Security.Scopes.Admin }, []);

    /// <summary>
    /// An admin holds <c>kms.admin</c> and no key-name globs: an admin can issue tokens, so one
    /// limited to some keys could issue itself an unlimited token; such a caller is no admin at all.
    /// </summary>
    public bool IsAdmin => KeyGlobs.Count == 0 && Scopes.Contains(Security.Scopes.Admin);

    public bool HasScope(string scope) => IsAdmin || (scope != Security.Scopes.Admin && Scopes.Contains(scope));

    /// <summary>Whether the caller may touch a key of this name (no globs: every key).</summary>
    public bool MayUseKey(string keyName) => KeyGlobs.Count == 0 || KeyGlobs.Any(g => KeyNameGlob.Matches(g, keyName));
}
