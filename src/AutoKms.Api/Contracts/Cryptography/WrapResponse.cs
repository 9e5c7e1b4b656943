using System.Text.Json.Serialization;
using AutoKms.Application.Common.Models;

namespace AutoKms.Api.Contracts.Cryptography;

/// <summary>A wrapped key: the key and version that wrapped it, and everything unwrap needs back.</summary>
public sealed class WrapResponse(CipherResult result) : CipherResponse(result)
{
    /// <example>3q2+7w8ZbWkzZmQ=</example>
    [JsonPropertyOrder(-6)]
    public string WrappedKeyB64 { get; } = Convert.ToBase64String(result.Ciphertext);

    public static WrapResponse From(CipherResult result) => new(result);
}
