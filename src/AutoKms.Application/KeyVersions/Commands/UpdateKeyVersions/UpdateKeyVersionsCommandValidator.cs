using AutoKms.Application.Common.Validation;
using AutoKms.Application.KeyVersions.Commands.UpdateKeyVersion;
using FluentValidation;

namespace AutoKms.Application.KeyVersions.Commands.UpdateKeyVersions;

public sealed class UpdateKeyVersionsCommandValidator : KmsValidator<UpdateKeyVersionsCommand>
{
    public const int MaxVersions = 100;

    public UpdateKeyVersionsCommandValidator()
    {
        RuleFor(c => c.Versions).NotEmpty().WithMessage("The body must be an array of at least one item.").Must(v => v.Count <= MaxVersions).WithMessage($"At most {MaxVersions} versions can be changed at once.")
            .OverridePropertyName("body");
        ItemsOfTheBody(c => c.Versions, new UpdateKeyVersionCommandValidator());
        RuleFor(c => c.Versions)
            .Must(v => v.Select(x => x.Id).Distinct().Count() == v.Count)
            .When(c => c.Versions is not null)
            .WithMessage("Each version may appear once in the array.");
    }
}
