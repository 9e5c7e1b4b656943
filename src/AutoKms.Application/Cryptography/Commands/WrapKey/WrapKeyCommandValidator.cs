using AutoKms.Application.Common.Validation;
using FluentValidation;

namespace AutoKms.Application.Cryptography.Commands.WrapKey;

public sealed class WrapKeyCommandValidator : KmsValidator<WrapKeyCommand>
{
    public const int MaxKeyMaterialBytes = 64 * 1024;

    public WrapKeyCommandValidator()
    {
        CallerNonceRule.AddTo(this, c => c.CallerNonce);
        RuleFor(c => c.KeyMaterial).NotNull().OverridePropertyName("key_material_b64").WithMessage("'key_material_b64' is required.");
        RuleFor(c => c.KeyMaterial.Length).LessThanOrEqualTo(MaxKeyMaterialBytes).When(c => c.KeyMaterial is not null)
            .OverridePropertyName("key_material_b64").WithMessage($"'key_material_b64' decodes to more than {MaxKeyMaterialBytes} bytes.");
        RuleFor(c => c.Aad!.Length).LessThanOrEqualTo(PayloadLimits.MaxAadBytes).When(c => c.Aad is not null)
            .OverridePropertyName("aad_b64").WithMessage($"'aad_b64' decodes to more than {PayloadLimits.MaxAadBytes} bytes.");
    }
}
