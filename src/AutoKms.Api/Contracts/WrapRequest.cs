namespace AutoKms.Api.Contracts;

/// <summary>Key material to wrap under the key's primary version.</summary>
public sealed class WrapRequest
{
    /// <summary>The key material to wrap, base64.</summary>
    /// <example>AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=</example>
    public string? KeyMaterialB64 { get; init; }

    /// <summary>Optional associated data, base64.</summary>
    public string? AadB64 { get; init; }

    /// <summary>Refused with 400 when present: the service chooses every nonce.</summary>
    public string? NonceB64 { get; init; }
}
