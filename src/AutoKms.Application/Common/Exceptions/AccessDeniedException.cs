namespace AutoKms.Application.Common.Exceptions;

/// <summary>The caller is who it says but may not do this (a missing scope, a key outside its globs): 403.</summary>
public sealed class AccessDeniedException(string message) : Exception(message)
{
    /// <summary>The refusal names no key: the caller must not learn the names outside its globs.</summary>
    public static AccessDeniedException Key() => new("The caller may not use this key: it is outside the caller's key-name globs.");
}
