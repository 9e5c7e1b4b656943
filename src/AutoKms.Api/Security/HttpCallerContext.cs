using System.Security.Claims;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Security;

namespace AutoKms.Api.Security;

/// <summary>
/// The caller of the current HTTP request, read once from the authenticated principal: its name,
/// its scopes (<c>scope</c> claims, space-separated as in OAuth) and its key-name globs
/// (<c>kms_keys</c> claims). Outside a request (background work) the caller is the service itself.
/// </summary>
public sealed class HttpCallerContext(IHttpContextAccessor accessor) : ICallerContext
{
    public const string ScopeClaim = "scope";
    public const string KeyGlobClaim = "kms_keys";

    /// <summary>A glob no key name matches (key names hold no control characters): "no key at all".</summary>
    public const string NoKeys = "\u0000";

    /// <summary>A request nobody authenticated: no scopes, so no policy lets it through.</summary>
    public static readonly Caller Anonymous = new("anonymous", new HashSet<string>(StringComparer.Ordinal), []);

    private Caller? _caller;

    public Caller Caller => _caller ??= accessor.HttpContext is { } http ? Read(http.User) : Caller.Service;

    /// <summary>The caller a principal stands for (JWT subjects are named <c>jwt:sub</c>).</summary>

    public string RequestId => accessor.HttpContext?.TraceIdentifier ?? "-";

    public string? ClientAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public static Caller Read(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity is not { IsAuthenticated: true } identity)
        {
            return Anonymous;
        }

        var scopes = user.FindAll(ScopeClaim).Concat(user.FindAll("scp"))
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);
        var globs = user.FindAll(KeyGlobClaim).Select(c => c.Value).ToList();
        var name = identity.AuthenticationType == AuthSchemes.Jwt ? $"jwt:{user.FindFirst("sub")?.Value ?? identity.Name ?? "unnamed"}" : identity.Name ?? "unnamed";
        return new Caller(name, scopes, globs);
    }
}
