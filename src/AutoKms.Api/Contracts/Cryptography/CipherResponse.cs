using System.Text.Json.Serialization;
using AutoKms.Api.Http;
using AutoKms.Application.Common.Models;

namespace AutoKms.Api.Contracts.Cryptography;

/// <summary>
/// What every encryption-shaped answer (encrypt, wrap, datakey, rewrap) carries besides its ciphertext field.
/// Properties are ordered as the original service answered: kid, version, alg, nonce, ciphertext, tag, aad.
/// </summary>
public abstract class CipherResponse
{
    protected CipherResponse(CipherResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Kid = result.KeyId;
        Version = result.Version;
        Alg = result.Algorithm;
        NonceB64 = Base64Field.Encode(result.Nonce);
        TagB64 = Base64Field.Encode(result.Tag);
        AadB64 = Base64Field.Encode(result.Aad);
        Ciphertext = result.SelfDescribing;
    }

    /// <summary>The key that made it.</summary>
    /// <example>5e454eb6-7739-453b-9aee-21d60032a773</example>
    [JsonPropertyOrder(-10)]
    public Guid Kid { get; }

    /// <summary>The version that made it; decrypt needs it back (or use <c>ciphertext</c>).</summary>
    /// <example>1</example>
    [JsonPropertyOrder(-9)]
    public int Version { get; }

    /// <example>AES256_GCM</example>
    [JsonPropertyOrder(-8)]
    public string Alg { get; }

    /// <summary>96-bit nonce chosen by the service; null for RSA.</summary>
    /// <example>q83vEjRWeJCrze8S</example>
    [JsonPropertyOrder(-7)]
    public string? NonceB64 { get; }

    /// <summary>128-bit authentication tag; null for RSA.</summary>
    /// <example>3q2+796tvu/erb7v3q2+7w==</example>
    [JsonPropertyOrder(-5)]
    public string? TagB64 { get; }

    /// <summary>The associated data, echoed.</summary>
    [JsonPropertyOrder(-4)]
    public string? AadB64 { get; }

    /// <summary>The self-describing form: akms:v&lt;version&gt;:&lt;base64(nonce ‖ ciphertext ‖ tag)&gt;; decrypt takes it alone.</summary>
    /// <example>akms:v1:q83vEjRWeJCrze8S3q2+7w8ZbWkzZmTerb7v3q2+796tvu8=</example>
    [JsonPropertyOrder(-3)]
    public string Ciphertext { get; }
}
