using AutoKms.Application.Common.Validation;
using FluentValidation;

namespace AutoKms.Application.Cryptography.Commands.GenerateRandom;

public sealed class GenerateRandomCommandValidator : KmsValidator<GenerateRandomCommand>
{
    public GenerateRandomCommandValidator() => RuleFor(c => c.Bytes).InclusiveBetween(1, GenerateRandomCommand.MaxBytes);
}
