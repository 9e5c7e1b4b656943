using AutoKms.Application.Common.Validation;
using FluentValidation;

namespace AutoKms.Application.Keys.Commands.RotateKey;

public sealed class RotateKeyCommandValidator : KmsValidator<RotateKeyCommand>
{
    public RotateKeyCommandValidator() => RuleFor(c => c.Id).NotEmpty();
}
