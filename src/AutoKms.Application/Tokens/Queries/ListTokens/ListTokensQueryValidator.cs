using AutoKms.Application.Common.Validation;
using FluentValidation;

namespace AutoKms.Application.Tokens.Queries.ListTokens;

public sealed class ListTokensQueryValidator : KmsValidator<ListTokensQuery>
{
    public ListTokensQueryValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, 1000);
        RuleFor(q => q.Offset).GreaterThanOrEqualTo(0);
    }
}
