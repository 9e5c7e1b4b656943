using AutoKms.Application.Common.Validation;
using FluentValidation;

namespace AutoKms.Application.Cryptography.Queries.GetPublicKey;

public sealed class GetPublicKeyQueryValidator : KmsValidator<GetPublicKeyQuery>
{
    public GetPublicKeyQueryValidator()
    {
        RuleFor(c => c.Version).GreaterThanOrEqualTo(1).When(c => c.Version is not null);
    }
}
