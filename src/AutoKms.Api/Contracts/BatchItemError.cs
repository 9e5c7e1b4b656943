namespace AutoKms.Api.Contracts;

/// <summary>A failed batch item: <c>{"error": "Decryption failed"}</c>.</summary>
public sealed class BatchItemError
{
    /// <example>Decryption failed</example>
    public string Error { get; init; } = string.Empty;
}
