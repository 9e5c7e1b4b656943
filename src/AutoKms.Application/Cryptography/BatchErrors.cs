using AutoKms.Application.Common.Exceptions;
using AutoKms.Domain.Common;

namespace AutoKms.Application.Cryptography;

/// <summary>Which failures belong to one batch item (and become its <c>error</c>) rather than to the request.</summary>
public static class BatchErrors
{
    public const int MaxItems = 1000;

    public static bool IsItemError(Exception exception) =>
        exception is DomainException or InvalidRequestException or DecryptionFailedException;
}
