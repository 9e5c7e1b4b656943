namespace AutoKms.Api.Contracts;

/// <summary>A ciphertext from encrypt (split fields or the self-describing <c>ciphertext</c>), for decrypt and rewrap.</summary>
public sealed class DecryptRequest
{
    /// <example>3q2+7w8ZbWkzZmQ=</example>
    public string? CiphertextB64 { get; init; }

    /// <summary>The nonce from the encrypt answer (AEAD keys; null for RSA).</summary>
    /// <example>q83vEjRWeJCrze8S</example>
    public string? NonceB64 { get; init; }

    /// <summary>The tag from the encrypt answer (AEAD keys; null for RSA).</summary>
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

    /// <summary>Up to 1000 items of this same shape, in order; answered as <c>batch_results</c>.</summary>
    public IReadOnlyList<DecryptRequest?>? BatchInput { get; init; }
}
