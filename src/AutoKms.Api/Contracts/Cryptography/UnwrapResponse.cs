using AutoKms.Api.Http;

namespace AutoKms.Api.Contracts.Cryptography;

/// <summary>The unwrapped key material.</summary>
public sealed class UnwrapResponse
{
    /// <example>AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=</example>
    public required string KeyMaterialB64 { get; init; }

    /// <summary>The answer; the material buffer is zeroed once encoded.</summary>
    public static UnwrapResponse From(byte[] material) => new() { KeyMaterialB64 = Base64Field.EncodeThenForget(material) };
}
