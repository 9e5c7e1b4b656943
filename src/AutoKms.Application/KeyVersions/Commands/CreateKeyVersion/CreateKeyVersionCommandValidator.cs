using AutoKms.Application.Common.Validation;
using FluentValidation;

namespace AutoKms.Application.KeyVersions.Commands.CreateKeyVersion;

public sealed class CreateKeyVersionCommandValidator : KmsValidator<CreateKeyVersionCommand>
{
    public CreateKeyVersionCommandValidator() => RuleFor(c => c.KeyId).NotEmpty();
}
