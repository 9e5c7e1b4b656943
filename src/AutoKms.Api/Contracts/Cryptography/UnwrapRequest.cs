using AutoKms.Application.Cryptography.Commands.UnwrapKey;

namespace AutoKms.Api.Contracts.Cryptography;

/// <summary>
/// A wrapped key from wrap: the split fields or the self-describing <c>ciphertext</c>. The whole
/// wrap answer may be passed back as it came; its <c>kid</c> and <c>alg</c> must then name this key.
/// </summary>
public sealed class UnwrapRequest
{
    /// <summary>The wrapped key from the wrap answer.</summary>
    /// <example>3q2+7w8ZbWkzZmQ=</example>
    public string? WrappedKeyB64 { get; init; }

    /// <summary>The nonce from the wrap answer (required for AES and ChaCha keys; null for RSA).</summary>
    /// <example>q83vEjRWeJCrze8S</example>
    public string? NonceB64 { get; init; }

    /// <summary>The tag from the wrap answer (required for AES and ChaCha keys; null for RSA).</summary>
    /// <example>3q2+796tvu/erb7v3q2+7w==</example>
    public string? TagB64 { get; init; }

    /// <summary>The associated data given to wrap, if any.</summary>
    /// <example>b3JkZXI6NDI=</example>
    public string? AadB64 { get; init; }

    /// <summary>The version from the wrap answer; default: the primary version.</summary>
    /// <example>1</example>
    public int? Version { get; init; }

    /// <summary>The self-describing form from wrap, in place of the split fields.</summary>
    /// <example>akms:v1:q83vEjRWeJCrze8S3q2+7w8ZbWkzZmTerb7v3q2+796tvu8=</example>
    public string? Ciphertext { get; init; }

    /// <summary>From the wrap answer, when passed back whole: must be this key's id.</summary>
    /// <example>5e454eb6-7739-453b-9aee-21d60032a773</example>
    public Guid? Kid { get; init; }

    /// <summary>From the wrap answer, when passed back whole: must be this key's algorithm.</summary>
    /// <example>AES256_GCM</example>
    public string? Alg { get; init; }

    public UnwrapKeyCommand ToCommand(Guid keyId)
    {
        var decoder = new WireDecoder();
        var data = decoder.Encrypted(Ciphertext, WrappedKeyB64, "wrapped_key_b64", NonceB64, TagB64) with { MadeByKey = Kid, MadeByAlgorithm = Alg };
        return new UnwrapKeyCommand(keyId, data, decoder.Base64(AadB64, "aad_b64"), Version) { DecodingFailures = decoder.Failures };
    }
}
