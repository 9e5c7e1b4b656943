using System.ComponentModel.DataAnnotations;
using AutoKms.Application.Cryptography.Commands.WrapKey;

namespace AutoKms.Api.Contracts.Cryptography;

/// <summary>Key material to wrap under the key's primary version.</summary>
public sealed class WrapRequest
{
    /// <summary>The key material to wrap, base64 (empty is allowed; at most 64 KiB).</summary>
    /// <example>AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=</example>
    [Required]
    public string? KeyMaterialB64 { get; init; }

    /// <summary>Associated data, base64; unwrap needs the same.</summary>
    /// <example>b3JkZXI6NDI=</example>
    public string? AadB64 { get; init; }

    /// <summary>Refused with 400 when present: the service chooses every nonce.</summary>
    public string? NonceB64 { get; init; }

    public WrapKeyCommand ToCommand(Guid keyId)
    {
        var decoder = new WireDecoder();
        return new WrapKeyCommand(keyId, decoder.Base64(KeyMaterialB64, "key_material_b64")!, decoder.Base64(AadB64, "aad_b64"))
        {
            CallerNonce = NonceB64 is not null,
            DecodingFailures = decoder.Failures,
        };
    }
}
