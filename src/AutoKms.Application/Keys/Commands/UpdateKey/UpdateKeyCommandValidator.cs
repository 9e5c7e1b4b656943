using AutoKms.Application.Common.Validation;
using AutoKms.Domain.Keys;
using FluentValidation;

namespace AutoKms.Application.Keys.Commands.UpdateKey;

public sealed class UpdateKeyCommandValidator : KmsValidator<UpdateKeyCommand>
{
    public UpdateKeyCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(Key.MaxNameLength)
            .Must(n => n is null || !n.Any(char.IsControl)).WithMessage("'name' must not contain control characters.")
            .When(c => c.Name is not null || c.Replace);
        RuleFor(c => c.Status)
            .NotEmpty()
            .Must(s => KeyAlgorithmNames.TryParseStatus(s, out _))
            .WithMessage($"'status' must be one of {string.Join(", ", KeyAlgorithmNames.Statuses)}.")
            .When(c => c.Status is not null || c.Replace);
        RuleFor(c => c.MinDecryptionVersion).GreaterThanOrEqualTo(1).When(c => c.MinDecryptionVersion is not null);
        RuleFor(c => c.RotationPeriodDays).InclusiveBetween(0, Key.MaxRotationPeriodDays).When(c => c.RotationPeriodDays is not null);
        RuleFor(c => c)
            .Must(c => c.Name is not null || c.Status is not null || c.MinDecryptionVersion is not null || c.RotationPeriodDays is not null)
            .When(c => !c.Replace)
            .OverridePropertyName("body")
            .WithMessage("Name at least one field to change: name, status, min_decryption_version or rotation_period_days.");
    }
}
