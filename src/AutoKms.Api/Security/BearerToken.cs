namespace AutoKms.Api.Security;

/// <summary>Reads <c>Authorization: Bearer &lt;token&gt;</c>; anything else is no token.</summary>
public static class BearerToken
{
    private const string Prefix = "Bearer ";

    public static string? From(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = header[Prefix.Length..].Trim();
        return token.Length == 0 ? null : token;
    }

    /// <summary>A JWT is three base64url parts; the service's own tokens have no dot.</summary>
    public static bool LooksLikeJwt(string token) => token.Count(c => c == '.') == 2;
}
