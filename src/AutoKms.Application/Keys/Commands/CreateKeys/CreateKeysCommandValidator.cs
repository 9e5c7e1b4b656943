using AutoKms.Application.Common.Validation;
using AutoKms.Application.Keys.Commands.CreateKey;
using FluentValidation;

namespace AutoKms.Application.Keys.Commands.CreateKeys;

public sealed class CreateKeysCommandValidator : KmsValidator<CreateKeysCommand>
{
    public const int MaxKeys = 100;

    public CreateKeysCommandValidator()
    {
        RuleFor(c => c.Keys).NotEmpty().WithMessage("The body must be an array of at least one item.").Must(k => k.Count <= MaxKeys).WithMessage($"At most {MaxKeys} keys can be created at once.")
            .OverridePropertyName("body");
        ItemsOfTheBody(c => c.Keys, new CreateKeyCommandValidator());
        RuleFor(c => c.Keys)
            .Must(k => k.Select(x => x.Name).Distinct(StringComparer.Ordinal).Count() == k.Count)
            .When(c => c.Keys is not null)
            .WithMessage("Each key in the array needs a different name.");
    }
}
