using AutoKms.Application.Common.Validation;
using FluentValidation;

namespace AutoKms.Application.RootKeys.Commands.RotateRootKey;

public sealed class RotateRootKeyCommandValidator : KmsValidator<RotateRootKeyCommand>
{
    public const int MaxReferenceLength = 4096;

    public RotateRootKeyCommandValidator()
    {
        RuleFor(c => c.NewRootKey)
            .Must(k => string.IsNullOrWhiteSpace(k.KeyFile) != string.IsNullOrWhiteSpace(k.Pkcs11KeyLabel))
            .WithName("key_file")
            .WithMessage("Give exactly one of 'key_file' (a root-key file on the service's machine) and 'pkcs11_key_label' (a key in the configured PKCS#11 token).");
        RuleFor(c => c.NewRootKey.KeyFile).MaximumLength(MaxReferenceLength).WithName("key_file");
        RuleFor(c => c.NewRootKey.Pkcs11KeyLabel).MaximumLength(MaxReferenceLength).WithName("pkcs11_key_label");
    }
}
