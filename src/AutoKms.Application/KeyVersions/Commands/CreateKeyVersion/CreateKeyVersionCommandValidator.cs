using AutoKms.Application.Common.Validation;
using AutoKms.Domain.Keys;
using FluentValidation;

namespace AutoKms.Application.KeyVersions.Commands.CreateKeyVersion;

public sealed class CreateKeyVersionCommandValidator : KmsValidator<CreateKeyVersionCommand>
{
    public CreateKeyVersionCommandValidator()
    {
        RuleFor(c => c.KeyId).NotNull().WithMessage("'key_id' is required: the key whose next version to create.");
        RuleFor(c => c.Status)
            .Must(s => KeyAlgorithmNames.TryParseVersionStatus(s, out var status) && status == KeyVersionStatus.Enabled)
            .When(c => c.Status is not null)
            .WithMessage("'status' of a new version is enabled (or active): it becomes the primary version.");
    }
}
