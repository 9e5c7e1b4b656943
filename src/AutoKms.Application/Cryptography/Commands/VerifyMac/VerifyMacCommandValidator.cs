using AutoKms.Application.Common.Validation;
using FluentValidation;

namespace AutoKms.Application.Cryptography.Commands.VerifyMac;

public sealed class VerifyMacCommandValidator : KmsValidator<VerifyMacCommand>
{
    public VerifyMacCommandValidator()
    {
        RuleFor(c => c.Message).NotNull().OverridePropertyName("message_b64").WithMessage("'message_b64' is required.");
        RuleFor(c => c.Mac).NotNull().OverridePropertyName("mac_b64").WithMessage("'mac_b64' is required.");
        RuleFor(c => c.Version).GreaterThanOrEqualTo(1).When(c => c.Version is not null);
    }
}
