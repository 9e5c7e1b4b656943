using AutoKms.Application.Common.Validation;
using FluentValidation;

namespace AutoKms.Application.Keys.Commands.DeleteKeys;

public sealed class DeleteKeysCommandValidator : KmsValidator<DeleteKeysCommand>
{
    public const int MaxKeys = 100;

    public DeleteKeysCommandValidator()
    {
        RuleFor(c => c.Ids).NotEmpty().Must(k => k.Count <= MaxKeys).WithMessage($"At most {MaxKeys} keys can be deleted at once.");
        RuleFor(c => c.Ids)
            .Must(ids => ids.Distinct().Count() == ids.Count)
            .When(c => c.Ids is not null)
            .WithMessage("Each id may appear once.");
    }
}
