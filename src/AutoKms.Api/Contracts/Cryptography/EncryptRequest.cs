using System.ComponentModel.DataAnnotations;
using AutoKms.Application.Cryptography.Commands.Encrypt;
using AutoKms.Application.Cryptography.Commands.EncryptBatch;

namespace AutoKms.Api.Contracts.Cryptography;

/// <summary>Data to encrypt under the key's primary version.</summary>
public sealed class EncryptRequest
{
    /// <summary>The plaintext, base64 (at most 512 KiB decoded; use a data key for more).</summary>
    /// <example>aGVsbG8gd29ybGQ=</example>
    [Required]
    public string? PlaintextB64 { get; init; }

    /// <summary>Associated data, base64: authenticated, not encrypted; decrypt needs the same.</summary>
    /// <example>b3JkZXI6NDI=</example>
    public string? AadB64 { get; init; }

    /// <summary>Refused with 400 when present: the service chooses every nonce.</summary>
    public string? NonceB64 { get; init; }

    public EncryptCommand ToCommand(Guid keyId)
    {
        var decoder = new WireDecoder();
        return new EncryptCommand(keyId, decoder.Base64(PlaintextB64, "plaintext_b64")!, decoder.Base64(AadB64, "aad_b64"))
        {
            CallerNonce = NonceB64 is not null,
            DecodingFailures = decoder.Failures,
        };
    }

    /// <summary>One item of a batch; a null item or bad base64 becomes that item's error.</summary>
    public static EncryptItem ToItem(EncryptRequest? item)
    {
        if (item is null)
        {
            return new EncryptItem(null, null, BatchItems.NotAnObject);
        }

        var decoder = new WireDecoder();
        var plaintext = decoder.Base64(item.PlaintextB64, "plaintext_b64");
        var aad = decoder.Base64(item.AadB64, "aad_b64");
        return new EncryptItem(plaintext, aad, decoder.FirstError, item.NonceB64 is not null);
    }
}
