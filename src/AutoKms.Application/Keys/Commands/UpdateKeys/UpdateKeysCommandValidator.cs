using AutoKms.Application.Common.Validation;
using AutoKms.Application.Keys.Commands.UpdateKey;
using FluentValidation;

namespace AutoKms.Application.Keys.Commands.UpdateKeys;

public sealed class UpdateKeysCommandValidator : KmsValidator<UpdateKeysCommand>
{
    public const int MaxKeys = 100;

    public UpdateKeysCommandValidator()
    {
        RuleFor(c => c.Keys).NotEmpty().WithMessage("The body must be an array of at least one item.").Must(k => k.Count <= MaxKeys).WithMessage($"At most {MaxKeys} keys can be updated at once.")
            .OverridePropertyName("body");
        ItemsOfTheBody(c => c.Keys, new UpdateKeyCommandValidator());
        RuleFor(c => c.Keys)
            .Must(k => k.Select(x => x.Id).Distinct().Count() == k.Count)
            .When(c => c.Keys is not null)
            .WithMessage("Each key may appear once in the array.");
    }
}
