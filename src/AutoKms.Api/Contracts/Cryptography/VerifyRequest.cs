using System.ComponentModel.DataAnnotations;
using AutoKms.Application.Cryptography.Commands.VerifySignature;

namespace AutoKms.Api.Contracts.Cryptography;

/// <summary>A signature to check, over a message or its SHA-256 digest (exactly one).</summary>
public sealed class VerifyRequest
{
    /// <summary>The message that was signed, base64.</summary>
    /// <example>aGVsbG8gd29ybGQ=</example>
    public string? MessageB64 { get; init; }

    /// <summary>Its SHA-256 digest, base64, in place of the message.</summary>
    public string? DigestB64 { get; init; }

    /// <summary>The signature from sign, base64.</summary>
    /// <example>MEUCIQDkWmTn3mXhCkA7PjB3ZZhN1v4lP3o7bT9DlS6ZbYgbAgIgV0n1mHfSx1oZm5d3j9QfC4FJbW5j4bM7Qm4i8pQd0aE=</example>
    [Required]
    public string? SignatureB64 { get; init; }

    /// <summary>The version that signed (default: primary).</summary>
    /// <example>1</example>
    public int? Version { get; init; }

    public VerifySignatureCommand ToCommand(Guid keyId)
    {
        var decoder = new WireDecoder();
        var command = new VerifySignatureCommand(
            keyId,
            decoder.Base64(MessageB64, "message_b64"),
            decoder.Base64(DigestB64, "digest_b64"),
            decoder.Base64(SignatureB64, "signature_b64")!,
            Version);
        return command with { DecodingFailures = decoder.Failures };
    }
}
