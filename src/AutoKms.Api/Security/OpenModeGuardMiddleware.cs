using System.Net;
using AutoKms.Api.Http;
using Microsoft.AspNetCore.Mvc;

namespace AutoKms.Api.Security;

/// <summary>
/// Open mode trusts whoever reaches the loopback port, so it must keep browsers from being that
/// someone: a Host that is not a loopback name (DNS rebinding) and a request another site's page
/// sent (an <c>Origin</c> that is not this service's own, or <c>Sec-Fetch-Site</c> other than
/// same-origin or none) answer 403 before anything runs.
/// </summary>
public sealed class OpenModeGuardMiddleware(RequestDelegate next, Microsoft.Extensions.Options.IOptions<AuthOptions> auth)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var refusal = auth.Value.IsOpen ? Refusal(context.Request) : null;
        if (refusal is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        await new ProblemResult(new ProblemDetails { Status = StatusCodes.Status403Forbidden, Detail = refusal })
            .ExecuteResultAsync(new ActionContext { HttpContext = context }).ConfigureAwait(false);
    }

    public static string? Refusal(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsLoopbackHost(request.Host.Host))
        {
            return "This service runs without authentication and answers loopback host names only (localhost, 127.0.0.1, [::1]).";
        }

        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site is not ("same-origin" or "none"))
        {
            return "This service runs without authentication and refuses requests sent by another site's page.";
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase))
        {
            return "This service runs without authentication and refuses requests sent by another site's page.";
        }

        return null;
    }

    public static bool IsLoopbackHost(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
