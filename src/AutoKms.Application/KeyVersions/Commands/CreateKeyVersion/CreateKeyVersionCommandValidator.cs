using FluentValidation;

namespace AutoKms.Application.KeyVersions.Commands.CreateKeyVersion;

public sealed class CreateKeyVersionCommandValidator : AbstractValidator<CreateKeyVersionCommand>
{
    public CreateKeyVersionCommandValidator() => RuleFor(c => c.KeyId).NotEmpty();
}
