namespace AutoKms.Application.Common.Exceptions;

/// <summary>The key or version a request names does not exist (or is deleted).</summary>
public sealed class NotFoundException(string message) : Exception(message)
{
    public static NotFoundException Key() => new("Key not found");

    public static NotFoundException KeyVersion() => new("Key version not found");
}
