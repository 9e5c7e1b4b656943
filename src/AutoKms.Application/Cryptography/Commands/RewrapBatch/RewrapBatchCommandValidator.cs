using AutoKms.Application.Common.Validation;
using FluentValidation;

namespace AutoKms.Application.Cryptography.Commands.RewrapBatch;

public sealed class RewrapBatchCommandValidator : KmsValidator<RewrapBatchCommand>
{
    public RewrapBatchCommandValidator()
    {
        RuleFor(c => c.Items).NotEmpty().OverridePropertyName("batch_input").WithName("batch_input")
            .Must(items => items.Count <= BatchErrors.MaxItems).WithMessage($"'batch_input' holds at most {BatchErrors.MaxItems} items.");
    }
}
