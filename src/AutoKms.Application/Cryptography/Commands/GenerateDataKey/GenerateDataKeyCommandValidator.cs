using AutoKms.Application.Common.Validation;
using FluentValidation;

namespace AutoKms.Application.Cryptography.Commands.GenerateDataKey;

public sealed class GenerateDataKeyCommandValidator : KmsValidator<GenerateDataKeyCommand>
{
    public GenerateDataKeyCommandValidator()
    {
        RuleFor(c => c.KeyId).NotEmpty();
        RuleFor(c => c.Bytes).InclusiveBetween(1, GenerateDataKeyCommand.MaxBytes);
    }
}
