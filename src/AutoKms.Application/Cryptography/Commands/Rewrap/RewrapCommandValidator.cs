using AutoKms.Application.Common.Validation;
using FluentValidation;

namespace AutoKms.Application.Cryptography.Commands.Rewrap;

public sealed class RewrapCommandValidator : KmsValidator<RewrapCommand>
{
    public RewrapCommandValidator()
    {
        RuleFor(c => c.KeyId).NotEmpty();
        RuleFor(c => c.Data).Must(EncryptedData.IsPresent)
            .OverridePropertyName("ciphertext_b64").WithMessage(EncryptedData.RequiredMessage);
        RuleFor(c => c.Version).GreaterThanOrEqualTo(1).When(c => c.Version is not null);
    }
}
