using AutoKms.Application.Common.Exceptions;
using AutoKms.Domain.Common;
using FluentValidation;

namespace AutoKms.Application.Cryptography;

/// <summary>Which failures belong to one batch item (and become its <c>error</c>) rather than to the request.</summary>
public static class BatchErrors
{
    public const int MaxItems = 1000;

    public static bool IsItemError(Exception exception) =>
        exception is DomainException or InvalidRequestException or DecryptionFailedException or ValidationException;

    /// <summary>The item's <c>error</c> text: the messages alone, without the validator's preamble.</summary>
    public static string Describe(Exception exception) =>
        exception is ValidationException validation ? string.Join(" ", validation.Errors.Select(e => e.ErrorMessage)) : exception?.Message ?? "failed";
}
