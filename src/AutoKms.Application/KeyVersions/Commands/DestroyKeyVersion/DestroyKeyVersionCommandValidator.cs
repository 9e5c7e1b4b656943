using FluentValidation;

namespace AutoKms.Application.KeyVersions.Commands.DestroyKeyVersion;

public sealed class DestroyKeyVersionCommandValidator : AbstractValidator<DestroyKeyVersionCommand>
{
    public DestroyKeyVersionCommandValidator() => RuleFor(c => c.Id).NotEmpty();
}
