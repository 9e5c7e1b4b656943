namespace AutoKms.Api.Contracts;

/// <summary>
/// The answer to a <c>batch_input</c>: one entry per item, in order. Each entry is the single
/// answer's object, or <c>{"error": "..."}</c> for an item that failed; the others are unaffected.
/// </summary>
public sealed class BatchResponse
{
    public IReadOnlyList<object> BatchResults { get; init; } = [];
}
