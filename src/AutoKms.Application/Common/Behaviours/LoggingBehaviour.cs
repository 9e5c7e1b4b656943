using System.Diagnostics;
using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Common.Metrics;
using AutoKms.Domain.Common;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Logging;

namespace AutoKms.Application.Common.Behaviours;

/// <summary>
/// Logs each request's name, outcome and duration, and records the duration in
/// <c>autokms.operation.duration</c> by request name and outcome (ok, client_error, server_error).
/// Never the request itself: it may carry plaintext, key material or AAD.
/// </summary>
public sealed partial class LoggingBehaviour<TRequest, TResponse>(ILogger<LoggingBehaviour<TRequest, TResponse>> logger, KmsMetrics? metrics = null)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly string RequestName = typeof(TRequest).Name;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next().ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(started);
            LogHandled(logger, RequestName, elapsed.TotalMilliseconds);
            metrics?.OperationCompleted(RequestName, KmsMetrics.Ok, elapsed);
            return response;
        }
        catch (Exception ex)
        {
            // The exception type only: the request is never logged.
            var elapsed = Stopwatch.GetElapsedTime(started);
            var error = ex.GetType().Name;
            LogFailed(logger, RequestName, error, elapsed.TotalMilliseconds);
            metrics?.OperationCompleted(RequestName, OutcomeOf(ex), elapsed);
            throw;
        }
    }

    /// <summary>Whose reason a refusal is: the caller's (answered 4xx) or the service's (5xx).</summary>
    private static string OutcomeOf(Exception exception) => exception switch
    {
        ValidationException or NotFoundException or AccessDeniedException or ConflictException
            or InvalidRequestException or DecryptionFailedException or DomainException or OperationCanceledException => KmsMetrics.ClientError,
        _ => KmsMetrics.ServerError,
    };

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Request} handled in {ElapsedMs:F2} ms")]
    private static partial void LogHandled(ILogger logger, string request, double elapsedMs);

    // Debug: the access line already says how the request was answered.
    [LoggerMessage(Level = LogLevel.Debug, Message = "{Request} refused with {Error} after {ElapsedMs:F2} ms")]
    private static partial void LogFailed(ILogger logger, string request, string error, double elapsedMs);
}
