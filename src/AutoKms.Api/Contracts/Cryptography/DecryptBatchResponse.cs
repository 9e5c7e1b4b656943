using AutoKms.Application.Cryptography;

namespace AutoKms.Api.Contracts.Cryptography;

/// <summary>The answer to a batch decrypt: one result per item, in order.</summary>
public sealed class DecryptBatchResponse
{
    public required IReadOnlyList<DecryptBatchResult> BatchResults { get; init; }

    public static DecryptBatchResponse From(IEnumerable<BatchResult<byte[]>> results) =>
        new() { BatchResults = results.Select(DecryptBatchResult.From).ToList() };
}
