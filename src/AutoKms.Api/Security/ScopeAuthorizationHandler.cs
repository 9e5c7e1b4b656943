using AutoKms.Application.Common.Interfaces;
using Microsoft.AspNetCore.Authorization;

namespace AutoKms.Api.Security;

/// <summary>
/// Grants a <see cref="ScopeRequirement"/> when the authenticated caller holds the scope or is an
/// admin. Scoped: it reads the request's caller, parsed from the principal once per request.
/// </summary>
public sealed class ScopeAuthorizationHandler(ICallerContext callers) : AuthorizationHandler<ScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        if (context.User.Identity?.IsAuthenticated == true && callers.Caller.HasScope(requirement.Scope))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
