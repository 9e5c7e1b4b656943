using AutoKms.Application.Common.Validation;

namespace AutoKms.Application.Cryptography.Commands.Rewrap;

public sealed class RewrapCommandValidator : KmsValidator<RewrapCommand>
{
    public RewrapCommandValidator() => EncryptedDataRules.AddTo(this, c => c.Data, c => c.Version, "ciphertext_b64");
}
