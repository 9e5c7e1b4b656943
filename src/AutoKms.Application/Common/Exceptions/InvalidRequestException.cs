namespace AutoKms.Application.Common.Exceptions;

/// <summary>
/// A request that is well-formed JSON with the right fields but whose values cannot be used:
/// bad base64, a caller-chosen nonce, a nonce of the wrong size. Answered 400.
/// </summary>
public sealed class InvalidRequestException(string message) : Exception(message)
{
    public static InvalidRequestException InvalidBase64(string field) => new($"Invalid base64 encoding for {field}");
}
