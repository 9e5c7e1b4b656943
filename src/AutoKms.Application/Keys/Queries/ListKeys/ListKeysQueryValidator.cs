using AutoKms.Application.Common.Validation;
using AutoKms.Domain.Keys;
using FluentValidation;

namespace AutoKms.Application.Keys.Queries.ListKeys;

public sealed class ListKeysQueryValidator : KmsValidator<ListKeysQuery>
{
    public ListKeysQueryValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, ListKeysQuery.MaxLimit);
        RuleFor(q => q.Offset).GreaterThanOrEqualTo(0);
        RuleFor(q => q.Status)
            .Must(s => KeyAlgorithmNames.TryParseStatus(s, out _))
            .When(q => q.Status is not null)
            .WithMessage($"'status' must be one of {string.Join(", ", KeyAlgorithmNames.Statuses)}.");
    }
}
