using AutoKms.Application.Common.Validation;
using FluentValidation;

namespace AutoKms.Application.Cryptography.Commands.Encrypt;

public sealed class EncryptCommandValidator : KmsValidator<EncryptCommand>
{
    public EncryptCommandValidator()
    {
        CallerNonceRule.AddTo(this, c => c.CallerNonce);
        RuleFor(c => c.Plaintext).NotNull().OverridePropertyName("plaintext_b64").WithMessage("'plaintext_b64' is required.");
        RuleFor(c => c.Plaintext.Length).LessThanOrEqualTo(PayloadLimits.MaxPlaintextBytes).When(c => c.Plaintext is not null)
            .OverridePropertyName("plaintext_b64").WithMessage($"'plaintext_b64' decodes to more than {PayloadLimits.MaxPlaintextBytes} bytes; use a data key for large payloads.");
        RuleFor(c => c.Aad!.Length).LessThanOrEqualTo(PayloadLimits.MaxAadBytes).When(c => c.Aad is not null)
            .OverridePropertyName("aad_b64").WithMessage($"'aad_b64' decodes to more than {PayloadLimits.MaxAadBytes} bytes.");
    }
}
