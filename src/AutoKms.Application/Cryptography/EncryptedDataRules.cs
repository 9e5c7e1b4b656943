using System.Linq.Expressions;
using AutoKms.Application.Common.Validation;
using FluentValidation;

namespace AutoKms.Application.Cryptography;

/// <summary>The rules every request that hands a ciphertext back shares (decrypt, unwrap, rewrap).</summary>
public static class EncryptedDataRules
{
    public static void AddTo<T>(
        KmsValidator<T> validator,
        Expression<Func<T, EncryptedData>> data,
        Expression<Func<T, int?>> version,
        string ciphertextField)
    {
        ArgumentNullException.ThrowIfNull(validator);
        validator.RuleFor(data).Must(EncryptedData.IsPresent)
            .OverridePropertyName(ciphertextField)
            .WithMessage($"'{ciphertextField}' (or the self-describing 'ciphertext') is required.");
        var versionOf = version.Compile();
        validator.RuleFor(version).GreaterThanOrEqualTo(1).When(c => versionOf(c) is not null);
    }
}
