using System.Text.Encodings.Web;
using AutoKms.Application.Common.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AutoKms.Api.Security;

/// <summary>
/// Open mode (nothing configured, loopback only): every request is the admin <c>local</c>.
/// <see cref="OpenModeGuardMiddleware"/> keeps other sites and foreign host names out.
/// </summary>
public sealed class OpenModeAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public static readonly Caller Local = new("local", new HashSet<string>(StringComparer.Ordinal) { Scopes.Admin }, []);

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
        Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(KmsTokenAuthenticationHandler.Principal(Local, Scheme.Name), Scheme.Name)));
}
