using AutoKms.Application.Common.Validation;
using FluentValidation;

namespace AutoKms.Application.KeyVersions.Queries.ListKeyVersions;

public sealed class ListKeyVersionsQueryValidator : KmsValidator<ListKeyVersionsQuery>
{
    public ListKeyVersionsQueryValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, ListKeyVersionsQuery.MaxLimit);
        RuleFor(q => q.Offset).GreaterThanOrEqualTo(0);
    }
}
