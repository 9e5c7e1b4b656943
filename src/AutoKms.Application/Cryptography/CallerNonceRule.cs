using System.Linq.Expressions;
using AutoKms.Application.Common.Validation;
using FluentValidation;

namespace AutoKms.Application.Cryptography;

/// <summary>
/// The service chooses every nonce: a caller-supplied <c>nonce_b64</c> on encrypt or wrap is
/// refused with 400, alone or as a batch item.
/// </summary>
public static class CallerNonceRule
{
    public const string Message = "nonce_b64 is not accepted: the service chooses every nonce (a repeated AES-GCM nonce breaks the key for every caller)";

    public static void AddTo<T>(KmsValidator<T> validator, Expression<Func<T, bool>> callerNonce)
    {
        ArgumentNullException.ThrowIfNull(validator);
        validator.RuleFor(callerNonce).Equal(false).OverridePropertyName("nonce_b64").WithMessage(Message).AsBadRequest();
    }
}
