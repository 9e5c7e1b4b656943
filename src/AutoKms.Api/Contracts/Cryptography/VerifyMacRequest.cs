using System.ComponentModel.DataAnnotations;
using AutoKms.Application.Cryptography.Commands.VerifyMac;

namespace AutoKms.Api.Contracts.Cryptography;

/// <summary>A MAC to check against the message; compared in constant time.</summary>
public sealed class VerifyMacRequest
{
    /// <summary>The message, base64.</summary>
    /// <example>aGVsbG8gd29ybGQ=</example>
    [Required]
    public string? MessageB64 { get; init; }

    /// <summary>The MAC from mac, base64.</summary>
    /// <example>3q2+7w8ZbWkzZmTerb7v3q2+796tvu/erb7v3q2+7w8=</example>
    [Required]
    public string? MacB64 { get; init; }

    /// <summary>The version that made the MAC (default: primary).</summary>
    /// <example>1</example>
    public int? Version { get; init; }

    public VerifyMacCommand ToCommand(Guid keyId)
    {
        var decoder = new WireDecoder();
        var command = new VerifyMacCommand(keyId, decoder.Base64(MessageB64, "message_b64")!, decoder.Base64(MacB64, "mac_b64")!, Version);
        return command with { DecodingFailures = decoder.Failures };
    }
}
