using AutoKms.Application.Common.Validation;

namespace AutoKms.Application.Cryptography.Commands.UnwrapKey;

public sealed class UnwrapKeyCommandValidator : KmsValidator<UnwrapKeyCommand>
{
    public UnwrapKeyCommandValidator() => EncryptedDataRules.AddTo(this, c => c.Data, c => c.Version, "wrapped_key_b64");
}
