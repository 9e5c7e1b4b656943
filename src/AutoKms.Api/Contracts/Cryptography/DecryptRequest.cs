using AutoKms.Application.Cryptography;
using AutoKms.Application.Cryptography.Commands.Decrypt;
using AutoKms.Application.Cryptography.Commands.DecryptBatch;
using AutoKms.Application.Cryptography.Commands.Rewrap;

namespace AutoKms.Api.Contracts.Cryptography;

/// <summary>
/// A ciphertext from encrypt, for decrypt and rewrap: the split fields (<c>ciphertext_b64</c>,
/// <c>nonce_b64</c>, <c>tag_b64</c>, <c>version</c>) or the self-describing <c>ciphertext</c>.
/// The whole encrypt answer may be passed back as it came; its <c>kid</c> and <c>alg</c> must
/// then name this key.
/// </summary>
public sealed class DecryptRequest
{
    /// <summary>The ciphertext from the encrypt answer.</summary>
    /// <example>3q2+7w8ZbWkzZmQ=</example>
    public string? CiphertextB64 { get; init; }

    /// <summary>The nonce from the encrypt answer (required for AES and ChaCha keys; null for RSA).</summary>
    /// <example>q83vEjRWeJCrze8S</example>
    public string? NonceB64 { get; init; }

    /// <summary>The tag from the encrypt answer (required for AES and ChaCha keys; null for RSA).</summary>
    /// <example>3q2+796tvu/erb7v3q2+7w==</example>
    public string? TagB64 { get; init; }

    /// <summary>The associated data given to encrypt, if any.</summary>
    /// <example>b3JkZXI6NDI=</example>
    public string? AadB64 { get; init; }

    /// <summary>The version from the encrypt answer; default: the primary version.</summary>
    /// <example>1</example>
    public int? Version { get; init; }

    /// <summary>The self-describing form from encrypt, in place of ciphertext_b64, nonce_b64, tag_b64 and version.</summary>
    /// <example>akms:v1:q83vEjRWeJCrze8S3q2+7w8ZbWkzZmTerb7v3q2+796tvu8=</example>
    public string? Ciphertext { get; init; }

    /// <summary>From the encrypt answer, when passed back whole: must be this key's id.</summary>
    /// <example>5e454eb6-7739-453b-9aee-21d60032a773</example>
    public Guid? Kid { get; init; }

    /// <summary>From the encrypt answer, when passed back whole: must be this key's algorithm.</summary>
    /// <example>AES256_GCM</example>
    public string? Alg { get; init; }

    public DecryptCommand ToCommand(Guid keyId)
    {
        var decoder = new WireDecoder();
        return new DecryptCommand(keyId, Encrypted(decoder), decoder.Base64(AadB64, "aad_b64"), Version) { DecodingFailures = decoder.Failures };
    }

    public RewrapCommand ToRewrapCommand(Guid keyId)
    {
        var decoder = new WireDecoder();
        return new RewrapCommand(keyId, Encrypted(decoder), decoder.Base64(AadB64, "aad_b64"), Version) { DecodingFailures = decoder.Failures };
    }

    /// <summary>One item of a batch; a null item or bad base64 becomes that item's error.</summary>
    public static DecryptItem ToItem(DecryptRequest? item)
    {
        if (item is null)
        {
            return new DecryptItem(null, null, null, BatchItems.NotAnObject);
        }

        var decoder = new WireDecoder();
        var data = item.Encrypted(decoder);
        var aad = decoder.Base64(item.AadB64, "aad_b64");
        return new DecryptItem(data, aad, item.Version, decoder.FirstError);
    }

    private EncryptedData Encrypted(WireDecoder decoder) =>
        decoder.Encrypted(Ciphertext, CiphertextB64, "ciphertext_b64", NonceB64, TagB64) with { MadeByKey = Kid, MadeByAlgorithm = Alg };
}
