using AutoKms.Application.Common.Exceptions;
using AutoKms.Domain.Common;
using FluentValidation;

namespace AutoKms.Application.Common.Auditing;

/// <summary>How an audited operation ended, as the trail spells it: a small fixed set, one per class of answer.</summary>
public static class AuditOutcomes
{
    /// <summary>Done (2xx). A batch is <c>ok</c> when it was answered, whatever its items' results.</summary>
    public const string Ok = "ok";

    /// <summary>The intent record of a state-changing operation, written before it runs.</summary>
    public const string Started = "started";

    /// <summary>Refused before any work: the caller could not be authenticated (401).</summary>
    public const string Unauthenticated = "unauthenticated";

    /// <summary>Refused before any work: the caller may not do this (403 from authorisation).</summary>
    public const string Denied = "denied";

    /// <summary>The request was malformed or broke a rule of its contract (400, 422).</summary>
    public const string Invalid = "invalid";

    public const string NotFound = "not_found";

    public const string Conflict = "conflict";

    /// <summary>The key or version refused the operation: disabled, destroyed, below the minimum (403 from the domain).</summary>
    public const string Refused = "refused";

    /// <summary>A ciphertext did not authenticate (wrong key, AAD or tampering).</summary>
    public const string DecryptionFailed = "decryption_failed";

    /// <summary>The database was busy (503); the client may retry.</summary>
    public const string Busy = "busy";

    /// <summary>The client went away or the service stopped before the answer.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>Anything else: a fault of the service (500).</summary>
    public const string Failed = "failed";

    public static IReadOnlyList<string> All { get; } =
        [Ok, Started, Unauthenticated, Denied, Invalid, NotFound, Conflict, Refused, DecryptionFailed, Busy, Cancelled, Failed];

    /// <summary>The outcome a use case's exception stands for.</summary>
    public static string Of(Exception exception) => exception switch
    {
        ValidationException or InvalidRequestException => Invalid,
        NotFoundException => NotFound,
        AccessDeniedException => Denied,
        ConflictException => Conflict,
        DecryptionFailedException => DecryptionFailed,
        DatabaseBusyException or StorageUnavailableException => Busy,
        OperationCanceledException => Cancelled,
        DomainException domain => domain.Kind switch
        {
            DomainErrorKind.NotFound => NotFound,
            DomainErrorKind.Forbidden => Refused,
            DomainErrorKind.Conflict => Conflict,
            _ => Invalid,
        },
        _ => Failed,
    };
}
