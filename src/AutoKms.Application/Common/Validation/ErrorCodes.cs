using FluentValidation;

namespace AutoKms.Application.Common.Validation;

/// <summary>
/// Validation failures are 422s, except those coded <see cref="BadRequest"/>: values the contract
/// answers with 400 (bad base64, a malformed self-describing ciphertext, a caller-chosen nonce).
/// </summary>
public static class ErrorCodes
{
    public const string BadRequest = "bad_request";

    public static IRuleBuilderOptions<T, TProperty> AsBadRequest<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule) =>
        rule.WithErrorCode(BadRequest);

    public static bool IsBadRequest(this FluentValidation.Results.ValidationFailure failure) =>
        failure is not null && failure.ErrorCode == BadRequest;
}
