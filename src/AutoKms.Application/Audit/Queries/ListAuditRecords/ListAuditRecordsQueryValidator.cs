using AutoKms.Application.Common.Validation;
using FluentValidation;

namespace AutoKms.Application.Audit.Queries.ListAuditRecords;

public sealed class ListAuditRecordsQueryValidator : KmsValidator<ListAuditRecordsQuery>
{
    public ListAuditRecordsQueryValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, ListAuditRecordsQuery.MaxLimit);
        RuleFor(q => q.BeforeSeq).GreaterThan(0).When(q => q.BeforeSeq is not null);
    }
}
