using System.Text.Json.Serialization;
using AutoKms.Api.Http;
using AutoKms.Application.Cryptography.Commands.GenerateDataKey;

namespace AutoKms.Api.Contracts;

/// <summary>A data key: in the clear (unless include_plaintext was false) and wrapped, with the fields decrypt needs.</summary>
public sealed class DataKeyResponse
{
    /// <summary>The data key itself; omitted when include_plaintext is false.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PlaintextB64 { get; init; }

    public Guid Kid { get; init; }

    public int Version { get; init; }

    public string Alg { get; init; } = string.Empty;

    public string? NonceB64 { get; init; }

    public string CiphertextB64 { get; init; } = string.Empty;

    public string? TagB64 { get; init; }

    public string? AadB64 { get; init; }

    /// <summary>The wrapped data key in self-describing form.</summary>
    public string Ciphertext { get; init; } = string.Empty;

    public static DataKeyResponse From(DataKeyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var wrapped = EncryptResponse.From(result.Wrapped);
        return new()
        {
            PlaintextB64 = Base64Field.Encode(result.Plaintext),
            Kid = wrapped.Kid,
            Version = wrapped.Version,
            Alg = wrapped.Alg,
            NonceB64 = wrapped.NonceB64,
            CiphertextB64 = wrapped.CiphertextB64,
            TagB64 = wrapped.TagB64,
            AadB64 = wrapped.AadB64,
            Ciphertext = wrapped.Ciphertext,
        };
    }
}
