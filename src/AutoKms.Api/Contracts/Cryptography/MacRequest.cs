using System.ComponentModel.DataAnnotations;
using AutoKms.Application.Cryptography.Commands.ComputeMac;

namespace AutoKms.Api.Contracts.Cryptography;

/// <summary>The message to authenticate with HMAC-SHA256.</summary>
public sealed class MacRequest
{
    /// <summary>The message, base64.</summary>
    /// <example>aGVsbG8gd29ybGQ=</example>
    [Required]
    public string? MessageB64 { get; init; }

    public ComputeMacCommand ToCommand(Guid keyId)
    {
        var decoder = new WireDecoder();
        return new ComputeMacCommand(keyId, decoder.Base64(MessageB64, "message_b64")!) { DecodingFailures = decoder.Failures };
    }
}
