using AutoKms.Application.Common.Interfaces;
using Microsoft.AspNetCore.Authorization;

namespace AutoKms.Api.Security;

/// <summary>
/// Grants a <see cref="KeyNameRequirement"/> for a key name the caller's <c>kms_keys</c> globs
/// match. Scoped: it reads the request's caller, parsed from the principal once per request.
/// </summary>
public sealed class KeyNameAuthorizationHandler(ICallerContext callers) : AuthorizationHandler<KeyNameRequirement, string>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, KeyNameRequirement requirement, string resource)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.Identity?.IsAuthenticated == true && callers.Caller.MayUseKey(resource))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
