using AutoKms.Application.Common.Validation;
using AutoKms.Domain.Keys;
using FluentValidation;

namespace AutoKms.Application.KeyVersions.Commands.UpdateKeyVersion;

public sealed class UpdateKeyVersionCommandValidator : KmsValidator<UpdateKeyVersionCommand>
{
    public UpdateKeyVersionCommandValidator()
    {
        RuleFor(c => c.Status)
            .NotEmpty()
            .Must(s => KeyAlgorithmNames.TryParseVersionStatus(s, out _))
            .WithMessage($"'status' must be one of {string.Join(", ", KeyAlgorithmNames.VersionStatuses)}.");
    }
}
