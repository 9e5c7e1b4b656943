using AutoKms.Application.Common.Validation;
using FluentValidation;

namespace AutoKms.Application.Cryptography.Commands.VerifySignature;

public sealed class VerifySignatureCommandValidator : KmsValidator<VerifySignatureCommand>
{
    public VerifySignatureCommandValidator()
    {
        SigningInput.AddRules(this, c => c.Message, c => c.Digest);
        RuleFor(c => c.Signature).NotNull().OverridePropertyName("signature_b64").WithMessage("'signature_b64' is required.");
        RuleFor(c => c.Version).GreaterThanOrEqualTo(1).When(c => c.Version is not null);
    }
}
