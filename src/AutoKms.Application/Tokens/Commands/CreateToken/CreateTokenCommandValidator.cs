using AutoKms.Application.Common.Security;
using AutoKms.Application.Common.Validation;
using AutoKms.Domain.Tokens;
using FluentValidation;

namespace AutoKms.Application.Tokens.Commands.CreateToken;

public sealed class CreateTokenCommandValidator : KmsValidator<CreateTokenCommand>
{
    public const int MaxGlobs = 50;

    public CreateTokenCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(AccessToken.MaxNameLength)
            .Must(n => !n.Any(char.IsControl)).WithMessage("'name' must not contain control characters.");
        RuleFor(c => c.Scopes).NotEmpty().WithMessage($"'scopes' needs at least one of {string.Join(", ", Scopes.All)}.");
        RuleForEach(c => c.Scopes).Must(s => Scopes.All.Contains(s)).WithMessage((_, s) => $"'{s}' is not a scope; use {string.Join(", ", Scopes.All)}.")
            .OverridePropertyName("scopes");
        RuleFor(c => c.Keys!).Must(k => k.Count <= MaxGlobs).WithMessage($"'keys' holds at most {MaxGlobs} globs.")
            .When(c => c.Keys is not null).OverridePropertyName("keys");
        RuleFor(c => c.Keys!).NotEmpty().WithMessage("'keys' limits a token to some keys: leave it out for every key; an empty list would allow none.")
            .When(c => c.Keys is not null).OverridePropertyName("keys");
        RuleFor(c => c.Keys!).Empty().WithMessage("'keys' cannot limit a kms.admin token: an admin issues tokens, so it could issue itself an unlimited one.")
            .When(c => c.Keys is { Count: > 0 } && c.Scopes is not null && c.Scopes.Contains(Scopes.Admin)).OverridePropertyName("keys");
        RuleForEach(c => c.Keys!).Must(KeyNameGlob.IsValid).WithMessage($"Each key glob is 1 to {KeyNameGlob.MaxLength} characters without control characters.")
            .When(c => c.Keys is not null).OverridePropertyName("keys");
    }
}
