using System.Diagnostics;

namespace AutoKms.Api.Http;

/// <summary>
/// Gives every request an id: a sane incoming <c>X-Request-Id</c> is kept, otherwise the server's
/// own. It is echoed in the response header and in problem details. Writes one compact access-log
/// line per request: method, route template (never the path's values, never bodies), status,
/// duration, request id and client address.
/// </summary>
public sealed partial class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    public const string HeaderName = "X-Request-Id";
    private const int MaxLength = 64;

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var incoming = context.Request.Headers[HeaderName].ToString();
        if (IsSane(incoming))
        {
            context.TraceIdentifier = incoming;
        }

        // Set as the response starts: the exception handler clears headers before writing an error.
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            http.Response.Headers[HeaderName] = http.TraceIdentifier;
            return Task.CompletedTask;
        }, context);

        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                // An error answer is written after the exception handler cleared the endpoint; it keeps it in its feature.
                var endpoint = context.GetEndpoint() ?? context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Endpoint;
                var route = (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "-";
                LogRequest(logger, context.Request.Method, route, context.Response.StatusCode, elapsed, context.TraceIdentifier, client);
            }
        }
    }

    private static bool IsSane(string value) =>
        value.Length is > 0 and <= MaxLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Route} {StatusCode} {ElapsedMs:F2} ms {RequestId} {Client}")]
    private static partial void LogRequest(ILogger logger, string method, string route, int statusCode, double elapsedMs, string requestId, string client);
}
