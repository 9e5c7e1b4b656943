using System.Text.Json.Serialization;
using AutoKms.Api.Http;
using AutoKms.Application.Cryptography;
using AutoKms.Application.Cryptography.Commands.GenerateDataKey;

namespace AutoKms.Api.Contracts.Cryptography;

/// <summary>A data key: in the clear (unless include_plaintext was false) and wrapped, with the fields decrypt needs.</summary>
public sealed class DataKeyResponse(DataKeyResult result) : CipherResponse(result.Wrapped)
{
    /// <summary>The data key itself; omitted when include_plaintext is false.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonPropertyOrder(-11)]
    public string? PlaintextB64 { get; } = Base64Field.Encode(result.Plaintext);

    /// <summary>The wrapped data key.</summary>
    [JsonPropertyOrder(-6)]
    public string CiphertextB64 { get; } = Convert.ToBase64String(result.Wrapped.Ciphertext);

    public static DataKeyResponse From(DataKeyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        try
        {
            return new(result);
        }
        finally
        {
            // The answer holds the base64 text; the data key's bytes are not needed any more.
            Secrets.Forget(result.Plaintext);
        }
    }
}
