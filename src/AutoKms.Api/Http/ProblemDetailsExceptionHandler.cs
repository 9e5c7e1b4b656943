using System.Text.Json;
using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Common.Validation;
using AutoKms.Domain.Common;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace AutoKms.Api.Http;

/// <summary>
/// The one place errors become HTTP: RFC 9457 problem details whose <c>detail</c> a person can act
/// on. Anything unexpected is a 500 with a generic detail; its exception goes to the log only
/// (messages in this codebase never carry secrets).
/// </summary>
public sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            return true;
        }

        var problem = Describe(exception)
            ?? new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Detail = "An unexpected error occurred; the request id identifies it in the service log." };

        if (problem.Status == StatusCodes.Status500InternalServerError)
        {
            LogUnexpected(logger, exception, httpContext.TraceIdentifier);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        }).ConfigureAwait(false);
    }

    /// <summary>The problem details for an error a client caused, or <c>null</c> for a bug (a 500).</summary>
    public static ProblemDetails? Describe(Exception exception) => exception switch
    {
        ValidationException validation => Validation(validation),
        BadHttpRequestException bad => Problem(bad.StatusCode, bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? TooLarge() : bad.Message),
        JsonException json when JsonErrors.UnknownProperty(json.Message) is { } unknown => Unknown(JsonErrors.UnknownFieldPath(json.Path, unknown)),
        JsonException json when JsonErrors.IsTypeMismatch(json.Message) => TypeMismatch(JsonErrors.FieldFromPath(json.Path), json.Message),
        JsonException json => Problem(StatusCodes.Status400BadRequest, $"The request body is not valid JSON: {JsonErrors.DescribeSyntaxError(json.Message)}"),
        NotFoundException notFound => Problem(StatusCodes.Status404NotFound, notFound.Message),
        AccessDeniedException denied => Problem(StatusCodes.Status403Forbidden, denied.Message),
        Security.RateLimitedException limited => Problem(StatusCodes.Status429TooManyRequests, limited.Message),
        ConflictException conflict => Problem(StatusCodes.Status409Conflict, conflict.Message),
        InvalidRequestException invalid => Problem(StatusCodes.Status400BadRequest, invalid.Message),
        DecryptionFailedException failed => Problem(StatusCodes.Status400BadRequest, failed.Message),
        DatabaseBusyException busy => Problem(StatusCodes.Status503ServiceUnavailable, busy.Message),
        StorageUnavailableException storage => Problem(StatusCodes.Status503ServiceUnavailable, storage.Message),
        AuditUnavailableException audit => Problem(StatusCodes.Status503ServiceUnavailable, audit.Message),
        DomainException domain => Problem(StatusOf(domain.Kind), domain.Message),
        _ => null,
    };

    public static string TooLarge() => "The request body is larger than the configured limit (Kms:MaxRequestBodyBytes).";

    public static int StatusOf(DomainErrorKind kind) => kind switch
    {
        DomainErrorKind.NotFound => StatusCodes.Status404NotFound,
        DomainErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        DomainErrorKind.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    private static ProblemDetails Problem(int status, string detail) => new() { Status = status, Detail = detail };

    /// <summary>
    /// A 422 naming each field, unless every failure is one the contract answers with 400 (bad
    /// base64, a caller nonce): then a 400 whose detail is the first such message.
    /// </summary>
    private static ProblemDetails Validation(ValidationException exception)
    {
        var first = exception.Errors.FirstOrDefault();
        if (first is not null && exception.Errors.All(e => e.IsBadRequest()))
        {
            return Problem(StatusCodes.Status400BadRequest, first.ErrorMessage);
        }

        return ValidationProblem(exception.Errors
            .GroupBy(e => string.IsNullOrEmpty(e.PropertyName) ? "body" : e.PropertyName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal));
    }

    private static ProblemDetails Unknown(string field) =>
        ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [JsonErrors.DescribeUnknown(field)] });

    private static ProblemDetails TypeMismatch(string field, string message) =>
        ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [JsonErrors.DescribeTypeMismatch(field, message)] });

    /// <summary>
    /// A 422 with one entry per field in <c>errors</c>. Built as plain problem details with an
    /// <c>errors</c> extension, which every problem-details writer keeps (MVC's rewrites a
    /// ValidationProblemDetails and drops its errors).
    /// </summary>
    public static ProblemDetails ValidationProblem(IReadOnlyDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return new ProblemDetails
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "One or more fields are invalid.",
            Type = "https://tools.ietf.org/html/rfc4918#section-11.2",
            Detail = string.Join(" ", errors.Values.SelectMany(m => m)),
            Extensions = { ["errors"] = errors },
        };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error in request {RequestId}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string requestId);
}
