namespace AutoKms.Api.Contracts;

/// <summary>The message to authenticate with HMAC-SHA256.</summary>
public sealed class MacRequest
{
    /// <example>aGVsbG8gd29ybGQ=</example>
    public string? MessageB64 { get; init; }
}
