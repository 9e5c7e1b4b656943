using AutoKms.Application.Common.Validation;
using FluentValidation;

namespace AutoKms.Application.Cryptography.Commands.Sign;

public sealed class SignCommandValidator : KmsValidator<SignCommand>
{
    public SignCommandValidator()
    {
        SigningInput.AddRules(this, c => c.Message, c => c.Digest);
    }
}
