using Microsoft.AspNetCore.Authorization;

namespace AutoKms.Api.Security;

/// <summary>The caller holds this scope (or <c>kms.admin</c>, which implies every scope).</summary>
public sealed class ScopeRequirement(string scope) : IAuthorizationRequirement
{
    public string Scope { get; } = scope;
}
