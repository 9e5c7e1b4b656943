using AutoKms.Api.Http;
using AutoKms.Application.Common.Models;

namespace AutoKms.Api.Contracts;

/// <summary>A wrapped key: the key and version that wrapped it, and everything unwrap needs back.</summary>
public sealed class WrapResponse
{
    /// <example>5e454eb6-7739-453b-9aee-21d60032a773</example>
    public Guid Kid { get; init; }

    /// <example>1</example>
    public int Version { get; init; }

    /// <example>AES256_GCM</example>
    public string Alg { get; init; } = string.Empty;

    /// <example>q83vEjRWeJCrze8S</example>
    public string? NonceB64 { get; init; }

    /// <example>3q2+7w8ZbWkzZmQ=</example>
    public string WrappedKeyB64 { get; init; } = string.Empty;

    /// <example>3q2+796tvu/erb7v3q2+7w==</example>
    public string? TagB64 { get; init; }

    public string? AadB64 { get; init; }

    /// <summary>The self-describing form: akms:v&lt;version&gt;:&lt;base64(nonce ‖ ciphertext ‖ tag)&gt;; decrypt takes it alone.</summary>
    /// <example>akms:v1:q83vEjRWeJCrze8S3q2+7w8ZbWkzZmTerb7v3q2+796tvu8=</example>
    public string Ciphertext { get; init; } = string.Empty;

    public static WrapResponse From(CipherResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new()
        {
            Kid = result.KeyId,
            Version = result.Version,
            Alg = result.Algorithm,
            NonceB64 = Base64Field.Encode(result.Nonce),
            WrappedKeyB64 = Convert.ToBase64String(result.Ciphertext),
            TagB64 = Base64Field.Encode(result.Tag),
            AadB64 = Base64Field.Encode(result.Aad),
            Ciphertext = result.SelfDescribing,
        };
    }
}
