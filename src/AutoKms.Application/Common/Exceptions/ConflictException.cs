namespace AutoKms.Application.Common.Exceptions;

/// <summary>The request conflicts with stored state, e.g. a key name that is already taken.</summary>
public sealed class ConflictException(string message) : Exception(message)
{
    public static ConflictException NameTaken(string name) => new($"A key named '{name}' already exists");
}
