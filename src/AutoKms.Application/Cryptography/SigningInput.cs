using System.Security.Cryptography;
using AutoKms.Application.Common.Validation;
using FluentValidation;

namespace AutoKms.Application.Cryptography;

/// <summary>Sign and verify take exactly one of a message or its SHA-256 digest.</summary>
public static class SigningInput
{
    public static byte[] Digest(byte[]? message, byte[]? digest) => digest ?? SHA256.HashData(message!);

    public static void AddRules<T>(KmsValidator<T> validator, Func<T, byte[]?> message, Func<T, byte[]?> digest)
    {
        ArgumentNullException.ThrowIfNull(validator);
        validator.RuleFor(c => c)
            .Must(c => message(c) is null != (digest(c) is null))
            .OverridePropertyName("message_b64")
            .WithMessage("Send exactly one of 'message_b64' or 'digest_b64'.");
        validator.RuleFor(c => digest(c))
            .Must(d => d!.Length == SHA256.HashSizeInBytes)
            .When(c => digest(c) is not null)
            .OverridePropertyName("digest_b64")
            .WithMessage($"'digest_b64' must be a SHA-256 digest ({SHA256.HashSizeInBytes} bytes).");
    }
}
