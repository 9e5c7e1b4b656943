using FluentValidation;

namespace AutoKms.Application.Keys.Commands.RotateKey;

public sealed class RotateKeyCommandValidator : AbstractValidator<RotateKeyCommand>
{
    public RotateKeyCommandValidator() => RuleFor(c => c.Id).NotEmpty();
}
