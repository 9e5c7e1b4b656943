using Microsoft.AspNetCore.Authorization;

namespace AutoKms.Api.Security;

/// <summary>The caller may use the key whose name is the resource (its key-name globs match, or it has none).</summary>
public sealed class KeyNameRequirement : IAuthorizationRequirement
{
    public static readonly KeyNameRequirement Instance = new();
}
