using AutoKms.Application.Common.Validation;
using FluentValidation;

namespace AutoKms.Application.Cryptography.Commands.Rewrap;

public sealed class RewrapCommandValidator : KmsValidator<RewrapCommand>
{
    public RewrapCommandValidator()
    {
        RuleFor(c => c.KeyId).NotEmpty();
        RuleFor(c => c.Data).Must(d => d is not null && (d.Ciphertext is not null || d.Packed is not null))
            .OverridePropertyName("ciphertext_b64").WithMessage("'ciphertext_b64' (or the self-describing 'ciphertext') is required.");
        RuleFor(c => c.Version).GreaterThanOrEqualTo(1).When(c => c.Version is not null);
    }
}
