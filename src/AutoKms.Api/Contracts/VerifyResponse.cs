namespace AutoKms.Api.Contracts;

/// <summary>Whether the signature or MAC is valid. A wrong one is <c>false</c>, not an error.</summary>
public sealed class VerifyResponse
{
    /// <example>true</example>
    public bool Valid { get; init; }
}
