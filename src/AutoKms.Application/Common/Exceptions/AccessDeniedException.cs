namespace AutoKms.Application.Common.Exceptions;

/// <summary>The caller is who it says but may not do this (a missing scope, a key outside its globs): 403.</summary>
public sealed class AccessDeniedException(string message) : Exception(message)
{
    public static AccessDeniedException Key(string keyName) => new($"The caller may not use key {keyName}");
}
