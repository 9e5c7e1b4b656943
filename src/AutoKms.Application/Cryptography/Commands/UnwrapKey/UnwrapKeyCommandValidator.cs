using AutoKms.Application.Common.Validation;
using FluentValidation;

namespace AutoKms.Application.Cryptography.Commands.UnwrapKey;

public sealed class UnwrapKeyCommandValidator : KmsValidator<UnwrapKeyCommand>
{
    public UnwrapKeyCommandValidator()
    {
        RuleFor(c => c.KeyId).NotEmpty();
        RuleFor(c => c.Data).Must(EncryptedData.IsPresent)
            .OverridePropertyName("wrapped_key_b64").WithMessage("'wrapped_key_b64' (or the self-describing 'ciphertext') is required.");
        RuleFor(c => c.Version).GreaterThanOrEqualTo(1).When(c => c.Version is not null);
    }
}
