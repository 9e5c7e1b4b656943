using System.Text.Json.Serialization;
using AutoKms.Api.Http;
using AutoKms.Application.Cryptography;

namespace AutoKms.Api.Contracts.Cryptography;

/// <summary>One item of a batch decrypt answer: the plaintext, or only <c>error</c> when that item failed.</summary>
public sealed class DecryptBatchResult
{
    /// <example>aGVsbG8gd29ybGQ=</example>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PlaintextB64 { get; init; }

    /// <summary>Why this item failed (e.g. <c>Decryption failed</c>); absent when it succeeded.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Error { get; init; }

    /// <summary>The item; its plaintext buffer is zeroed once encoded.</summary>
    public static DecryptBatchResult From(BatchResult<byte[]> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Value is not { } plaintext
            ? new DecryptBatchResult { Error = item.Error ?? "failed" }
            : new DecryptBatchResult { PlaintextB64 = Base64Field.EncodeThenForget(plaintext) };
    }
}
