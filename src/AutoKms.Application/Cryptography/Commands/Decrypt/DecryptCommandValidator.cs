using AutoKms.Application.Common.Validation;
using FluentValidation;

namespace AutoKms.Application.Cryptography.Commands.Decrypt;

public sealed class DecryptCommandValidator : KmsValidator<DecryptCommand>
{
    public DecryptCommandValidator()
    {
        RuleFor(c => c.KeyId).NotEmpty();
        RuleFor(c => c.Data).Must(EncryptedData.IsPresent)
            .OverridePropertyName("ciphertext_b64").WithMessage(EncryptedData.RequiredMessage);
        RuleFor(c => c.Version).GreaterThanOrEqualTo(1).When(c => c.Version is not null);
    }
}
