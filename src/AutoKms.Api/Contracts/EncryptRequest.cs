namespace AutoKms.Api.Contracts;

/// <summary>Data to encrypt under the key's primary version.</summary>
public sealed class EncryptRequest
{
    /// <summary>The plaintext, base64.</summary>
    /// <example>aGVsbG8gd29ybGQ=</example>
    public string? PlaintextB64 { get; init; }

    /// <summary>Optional associated data, base64: authenticated, not encrypted; decrypt needs the same.</summary>
    /// <example>b3JkZXI6NDI=</example>
    public string? AadB64 { get; init; }

    /// <summary>Refused with 400 when present: the service chooses every nonce.</summary>
    public string? NonceB64 { get; init; }

    /// <summary>Up to 1000 items of this same shape, encrypted in order; answered as <c>batch_results</c>.</summary>
    public IReadOnlyList<EncryptRequest?>? BatchInput { get; init; }
}
