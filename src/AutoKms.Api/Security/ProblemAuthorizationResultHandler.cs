using AutoKms.Api.Http;
using AutoKms.Application.Common.Auditing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;

namespace AutoKms.Api.Security;

/// <summary>
/// Refusals as problem details: 401 with <c>WWW-Authenticate: Bearer</c> when no valid token came
/// (<c>error="invalid_token"</c> when one came and was refused), 403 naming the scope that is missing.
/// </summary>
public sealed class ProblemAuthorizationResultHandler(KmsRateLimits limits) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Challenged && !await WithinRefusalLimitAsync(context).ConfigureAwait(false))
        {
            // Unauthenticated callers are limited by address before their refusals are recorded,
            // so a flood of bad tokens cannot fill the audit trail.
            context.Response.Headers.RetryAfter = "1";
            await WriteAsync(context, StatusCodes.Status429TooManyRequests, "Too many refused requests from this address; retry after 1 s.").ConfigureAwait(false);
            return;
        }

        if (authorizeResult.Challenged || authorizeResult.Forbidden)
        {
            // Refusals are part of the trail too, durable before the answer (a failed write answers 503).
            await DeniedRequestAudit.RecordAsync(context, authorizeResult.Challenged ? AuditOutcomes.Unauthenticated : AuditOutcomes.Denied).ConfigureAwait(false);
        }

        if (authorizeResult.Challenged)
        {
            var presented = BearerToken.From(context.Request) is not null;
            context.Response.Headers.WWWAuthenticate = presented ? "Bearer error=\"invalid_token\"" : "Bearer";
            await WriteAsync(context, StatusCodes.Status401Unauthorized, presented
                ? "The bearer token is unknown, revoked or expired."
                : "Authentication is required: send Authorization: Bearer <token>.").ConfigureAwait(false);
            return;
        }

        if (authorizeResult.Forbidden)
        {
            var scopes = authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<ScopeRequirement>().Select(r => r.Scope).ToList() ?? [];
            await WriteAsync(context, StatusCodes.Status403Forbidden, scopes.Count > 0
                ? $"The caller lacks the scope {string.Join(", ", scopes)} this operation needs."
                : "The caller may not do this.").ConfigureAwait(false);
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
    }

    private async Task<bool> WithinRefusalLimitAsync(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        using var lease = await limits.Limiter.AcquireAsync((RateLimitClasses.Refusals, address), 1, context.RequestAborted).ConfigureAwait(false);
        return lease.IsAcquired;
    }

    private static Task WriteAsync(HttpContext context, int status, string detail) =>
        new ProblemResult(new ProblemDetails { Status = status, Detail = detail }).ExecuteResultAsync(new ActionContext { HttpContext = context });
}
