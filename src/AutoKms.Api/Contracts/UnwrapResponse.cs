namespace AutoKms.Api.Contracts;

/// <summary>The unwrapped key material.</summary>
public sealed class UnwrapResponse
{
    /// <example>AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=</example>
    public string KeyMaterialB64 { get; init; } = string.Empty;
}
