using Microsoft.AspNetCore.Authorization;

namespace AutoKms.Api.Security;

/// <summary>Grants a <see cref="ScopeRequirement"/> when the authenticated caller holds the scope or is an admin.</summary>
public sealed class ScopeAuthorizationHandler : AuthorizationHandler<ScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        if (context.User.Identity?.IsAuthenticated == true && HttpCallerContext.Read(context.User).HasScope(requirement.Scope))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
