namespace AutoKms.Api.Contracts;

public sealed class MacResponse
{
    public Guid Kid { get; init; }

    /// <example>1</example>
    public int Version { get; init; }

    /// <summary>The 32-byte HMAC-SHA256, base64.</summary>
    public string MacB64 { get; init; } = string.Empty;
}
