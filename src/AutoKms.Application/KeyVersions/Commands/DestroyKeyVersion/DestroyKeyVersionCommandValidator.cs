using AutoKms.Application.Common.Validation;
using FluentValidation;

namespace AutoKms.Application.KeyVersions.Commands.DestroyKeyVersion;

public sealed class DestroyKeyVersionCommandValidator : KmsValidator<DestroyKeyVersionCommand>
{
    public DestroyKeyVersionCommandValidator() => RuleFor(c => c.Id).NotEmpty();
}
