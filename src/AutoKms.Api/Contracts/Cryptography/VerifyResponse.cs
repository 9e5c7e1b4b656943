namespace AutoKms.Api.Contracts.Cryptography;

/// <summary>Whether the signature or MAC is valid. A wrong one is <c>false</c>, not an error.</summary>
public sealed class VerifyResponse
{
    /// <example>true</example>
    public required bool Valid { get; init; }

    public static VerifyResponse From(bool valid) => new() { Valid = valid };
}
