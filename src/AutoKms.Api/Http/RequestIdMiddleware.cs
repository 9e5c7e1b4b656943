using System.Diagnostics;

namespace AutoKms.Api.Http;

/// <summary>
/// Gives every request an id: a sane incoming <c>X-Request-Id</c> is kept, otherwise the server's
/// own. It is echoed in the response header, put in every log line's scope and in problem details.
/// Also writes one access-log line per request (method, path, status, time: never bodies).
/// </summary>
public sealed partial class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    public const string HeaderName = "X-Request-Id";
    private const int MaxLength = 64;

    private static readonly Func<ILogger, string, IDisposable?> RequestScope = LoggerMessage.DefineScope<string>("request {ClientRequestId}");

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var incoming = context.Request.Headers[HeaderName].ToString();
        if (IsSane(incoming))
        {
            context.TraceIdentifier = incoming;
        }

        var requestId = context.TraceIdentifier;
        // Set as the response starts: the exception handler clears headers before writing an error.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = requestId;
            return Task.CompletedTask;
        });
        using var scope = RequestScope(logger, requestId);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var method = context.Request.Method;
            var path = context.Request.Path.Value ?? string.Empty;
            var status = context.Response.StatusCode;
            LogRequest(logger, method, path, status, elapsed);
        }
    }

    private static bool IsSane(string value) =>
        value.Length is > 0 and <= MaxLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} answered {StatusCode} in {ElapsedMs:F2} ms")]
    private static partial void LogRequest(ILogger logger, string method, string path, int statusCode, double elapsedMs);
}
