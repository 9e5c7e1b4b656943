using AutoKms.Application.Common.Validation;
using FluentValidation;

namespace AutoKms.Application.Cryptography.Commands.ComputeMac;

public sealed class ComputeMacCommandValidator : KmsValidator<ComputeMacCommand>
{
    public ComputeMacCommandValidator()
    {
        RuleFor(c => c.Message).NotNull().OverridePropertyName("message_b64").WithMessage("'message_b64' is required.");
    }
}
