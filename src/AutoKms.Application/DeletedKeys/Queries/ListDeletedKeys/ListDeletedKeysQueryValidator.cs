using AutoKms.Application.Common.Validation;
using FluentValidation;

namespace AutoKms.Application.DeletedKeys.Queries.ListDeletedKeys;

public sealed class ListDeletedKeysQueryValidator : KmsValidator<ListDeletedKeysQuery>
{
    public ListDeletedKeysQueryValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, ListDeletedKeysQuery.MaxLimit);
        RuleFor(q => q.Offset).GreaterThanOrEqualTo(0);
    }
}
