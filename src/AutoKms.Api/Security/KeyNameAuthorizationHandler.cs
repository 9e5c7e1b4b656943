using Microsoft.AspNetCore.Authorization;

namespace AutoKms.Api.Security;

/// <summary>Grants a <see cref="KeyNameRequirement"/> for a key name the caller's <c>kms_keys</c> globs match.</summary>
public sealed class KeyNameAuthorizationHandler : AuthorizationHandler<KeyNameRequirement, string>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, KeyNameRequirement requirement, string resource)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.Identity?.IsAuthenticated == true && HttpCallerContext.Read(context.User).MayUseKey(resource))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
