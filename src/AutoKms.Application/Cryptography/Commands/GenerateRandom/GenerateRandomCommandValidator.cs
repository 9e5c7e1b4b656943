using AutoKms.Application.Common.Validation;
using FluentValidation;

namespace AutoKms.Application.Cryptography.Commands.GenerateRandom;

public sealed class GenerateRandomCommandValidator : KmsValidator<GenerateRandomCommand>
{
    public GenerateRandomCommandValidator() => RuleFor(c => c.Bytes).NotNull().WithMessage("'bytes' is required: how many random bytes, 1 to 1024.").InclusiveBetween(1, GenerateRandomCommand.MaxBytes);
}
