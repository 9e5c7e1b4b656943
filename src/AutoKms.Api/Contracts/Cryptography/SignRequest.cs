using AutoKms.Application.Cryptography.Commands.Sign;

namespace AutoKms.Api.Contracts.Cryptography;

/// <summary>What to sign: a message (hashed with SHA-256 by the service) or its SHA-256 digest. Exactly one.</summary>
public sealed class SignRequest
{
    /// <summary>The message, base64.</summary>
    /// <example>aGVsbG8gd29ybGQ=</example>
    public string? MessageB64 { get; init; }

    /// <summary>A 32-byte SHA-256 digest, base64, in place of the message.</summary>
    public string? DigestB64 { get; init; }

    public SignCommand ToCommand(Guid keyId)
    {
        var decoder = new WireDecoder();
        return new SignCommand(keyId, decoder.Base64(MessageB64, "message_b64"), decoder.Base64(DigestB64, "digest_b64")) { DecodingFailures = decoder.Failures };
    }
}
