using System.Diagnostics;
using MediatR;
using Microsoft.Extensions.Logging;

namespace AutoKms.Application.Common.Behaviours;

/// <summary>
/// Logs each request's name, outcome and duration. Never the request itself: it may carry
/// plaintext, key material or AAD.
/// </summary>
public sealed partial class LoggingBehaviour<TRequest, TResponse>(ILogger<LoggingBehaviour<TRequest, TResponse>> logger)
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
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogHandled(logger, RequestName, elapsed);
            return response;
        }
        catch (Exception ex)
        {
            // The exception type only: the request is never logged.
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var error = ex.GetType().Name;
            LogFailed(logger, RequestName, error, elapsed);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Request} handled in {ElapsedMs:F2} ms")]
    private static partial void LogHandled(ILogger logger, string request, double elapsedMs);

    // Debug: the access line already says how the request was answered.
    [LoggerMessage(Level = LogLevel.Debug, Message = "{Request} refused with {Error} after {ElapsedMs:F2} ms")]
    private static partial void LogFailed(ILogger logger, string request, string error, double elapsedMs);
}
