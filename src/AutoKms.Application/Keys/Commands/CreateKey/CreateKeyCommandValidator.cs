using AutoKms.Application.Common.Validation;
using AutoKms.Domain.Keys;
using FluentValidation;

namespace AutoKms.Application.Keys.Commands.CreateKey;

public sealed class CreateKeyCommandValidator : KmsValidator<CreateKeyCommand>
{
    public CreateKeyCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(Key.MaxNameLength)
            .Must(n => n is null || !n.Any(char.IsControl)).WithMessage("'name' must not contain control characters.");
        RuleFor(c => c.Algorithm)
            .NotEmpty()
            .Must(a => KeyAlgorithmNames.TryParseAlgorithm(a, out _))
            .WithMessage($"'algorithm' must be one of {string.Join(", ", KeyAlgorithmNames.Algorithms)}.");
        RuleFor(c => c.RotationPeriodDays).InclusiveBetween(1, Key.MaxRotationPeriodDays).When(c => c.RotationPeriodDays is not null);
        RuleFor(c => c.Usage)
            .Must(u => KeyAlgorithmNames.TryParseUsage(u, out _))
            .When(c => c.Usage is not null)
            .WithMessage($"'usage' must be one of {string.Join(", ", KeyAlgorithmNames.Usages)}.");
        RuleFor(c => c)
            .Must(c => KeyAlgorithmRules.Supports(KeyAlgorithmNames.ParseAlgorithm(c.Algorithm), KeyAlgorithmNames.ParseUsage(c.Usage!)))
            .When(c => c.Usage is not null
                && KeyAlgorithmNames.TryParseAlgorithm(c.Algorithm, out _)
                && KeyAlgorithmNames.TryParseUsage(c.Usage, out _))
            .OverridePropertyName("usage")
            .WithMessage(c => $"Algorithm {c.Algorithm} does not support usage {c.Usage}.");
    }
}
