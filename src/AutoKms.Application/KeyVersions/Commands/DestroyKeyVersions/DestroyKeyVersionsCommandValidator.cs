using AutoKms.Application.Common.Validation;
using FluentValidation;

namespace AutoKms.Application.KeyVersions.Commands.DestroyKeyVersions;

public sealed class DestroyKeyVersionsCommandValidator : KmsValidator<DestroyKeyVersionsCommand>
{
    public const int MaxVersions = 100;

    public DestroyKeyVersionsCommandValidator() =>
        RuleFor(c => c.Ids).NotEmpty().OverridePropertyName("ids").WithName("ids")
            .Must(ids => ids.Count <= MaxVersions).WithMessage($"At most {MaxVersions} versions can be destroyed at once.")
            .Must(ids => ids.Distinct().Count() == ids.Count).WithMessage("Each version may appear once in 'ids'.");
}
