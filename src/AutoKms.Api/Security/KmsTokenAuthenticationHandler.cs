using System.Security.Claims;
using System.Text.Encodings.Web;
using AutoKms.Application.Common.Security;
using AutoKms.Application.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AutoKms.Api.Security;

/// <summary>
/// Authenticates <c>Authorization: Bearer akms_...</c> (tokens the service issued, looked up by
/// their SHA-256) and the configured bootstrap token (compared in constant time). The principal
/// carries the caller's name, <c>scope</c> claims and <c>kms_keys</c> claims.
/// </summary>
public sealed class KmsTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    BootstrapToken bootstrap,
    TokenAuthentication tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerToken.From(Request) is not { } presented)
        {
            return AuthenticateResult.NoResult();
        }

        var caller = bootstrap.Matches(presented) ? BootstrapToken.Caller : await tokens.AuthenticateAsync(presented, Context.RequestAborted).ConfigureAwait(false);
        return caller is null
            ? AuthenticateResult.Fail("The bearer token is unknown, revoked or expired.")
            : AuthenticateResult.Success(new AuthenticationTicket(Principal(caller, Scheme.Name), Scheme.Name));
    }

    public static ClaimsPrincipal Principal(Caller caller, string scheme)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var claims = new List<Claim> { new(ClaimTypes.Name, caller.Name) };
        claims.AddRange(caller.Scopes.Select(s => new Claim(HttpCallerContext.ScopeClaim, s)));
        claims.AddRange(caller.KeyGlobs.Select(g => new Claim(HttpCallerContext.KeyGlobClaim, g)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}
