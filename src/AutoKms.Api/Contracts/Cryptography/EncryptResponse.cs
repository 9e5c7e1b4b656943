using System.Text.Json.Serialization;
using AutoKms.Application.Common.Models;

namespace AutoKms.Api.Contracts.Cryptography;

/// <summary>An encryption: the key and version that made it, and everything decrypt needs back.</summary>
public sealed class EncryptResponse(CipherResult result) : CipherResponse(result)
{
    /// <example>3q2+7w8ZbWkzZmQ=</example>
    [JsonPropertyOrder(-6)]
    public string CiphertextB64 { get; } = Convert.ToBase64String(result.Ciphertext);

    public static EncryptResponse From(CipherResult result) => new(result);
}
