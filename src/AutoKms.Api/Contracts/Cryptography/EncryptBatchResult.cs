using System.Text.Json.Serialization;
using AutoKms.Api.Http;
using AutoKms.Application.Common.Models;
using AutoKms.Application.Cryptography;

namespace AutoKms.Api.Contracts.Cryptography;

/// <summary>
/// One item of a batch encrypt or rewrap answer: the single answer's fields, or only
/// <c>error</c> when that item failed (the other items are unaffected). Absent fields are null.
/// </summary>
public sealed class EncryptBatchResult
{
    /// <example>5e454eb6-7739-453b-9aee-21d60032a773</example>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Guid? Kid { get; init; }

    /// <example>1</example>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Version { get; init; }

    /// <example>AES256_GCM</example>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Alg { get; init; }

    /// <example>q83vEjRWeJCrze8S</example>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? NonceB64 { get; init; }

    /// <example>3q2+7w8ZbWkzZmQ=</example>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CiphertextB64 { get; init; }

    /// <example>3q2+796tvu/erb7v3q2+7w==</example>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TagB64 { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AadB64 { get; init; }

    /// <example>akms:v1:q83vEjRWeJCrze8S3q2+7w8ZbWkzZmTerb7v3q2+796tvu8=</example>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Ciphertext { get; init; }

    /// <summary>Why this item failed; absent when it succeeded.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Error { get; init; }

    public static EncryptBatchResult From(BatchResult<CipherResult> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Value is not { } result
            ? new EncryptBatchResult { Error = item.Error ?? "failed" }
            : new EncryptBatchResult
            {
                Kid = result.KeyId,
                Version = result.Version,
                Alg = result.Algorithm,
                NonceB64 = Base64Field.Encode(result.Nonce),
                CiphertextB64 = Convert.ToBase64String(result.Ciphertext),
                TagB64 = Base64Field.Encode(result.Tag),
                AadB64 = Base64Field.Encode(result.Aad),
                Ciphertext = result.SelfDescribing,
            };
    }
}
