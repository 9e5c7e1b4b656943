using AutoKms.Application.Common.Validation;

namespace AutoKms.Application.Cryptography.Commands.Decrypt;

public sealed class DecryptCommandValidator : KmsValidator<DecryptCommand>
{
    public DecryptCommandValidator() => EncryptedDataRules.AddTo(this, c => c.Data, c => c.Version, "ciphertext_b64");
}
