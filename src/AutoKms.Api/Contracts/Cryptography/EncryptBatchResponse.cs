using AutoKms.Application.Common.Models;
using AutoKms.Application.Cryptography;

namespace AutoKms.Api.Contracts.Cryptography;

/// <summary>The answer to a batch encrypt or rewrap: one result per item, in order.</summary>
public sealed class EncryptBatchResponse
{
    public required IReadOnlyList<EncryptBatchResult> BatchResults { get; init; }

    public static EncryptBatchResponse From(IEnumerable<BatchResult<CipherResult>> results) =>
        new() { BatchResults = results.Select(EncryptBatchResult.From).ToList() };
}
