using AutoKms.Application.Common.Validation;
using FluentValidation;

namespace AutoKms.Application.Cryptography.Commands.GenerateDataKey;

public sealed class GenerateDataKeyCommandValidator : KmsValidator<GenerateDataKeyCommand>
{
    public GenerateDataKeyCommandValidator()
    {
        RuleFor(c => c.Bytes).InclusiveBetween(GenerateDataKeyCommand.MinBytes, GenerateDataKeyCommand.MaxBytes);
        RuleFor(c => c.Aad!.Length).LessThanOrEqualTo(PayloadLimits.MaxAadBytes).When(c => c.Aad is not null)
            .OverridePropertyName("aad_b64").WithMessage($"'aad_b64' decodes to more than {PayloadLimits.MaxAadBytes} bytes.");
    }
}
