using System.Globalization;
using System.Threading.RateLimiting;
using AutoKms.Api.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace AutoKms.Api.Security;

/// <summary>
/// One partitioned limiter, keyed by (class, caller), behind both transports: the ASP.NET Core
/// rate-limiting middleware uses it for REST routes (their <see cref="RateLimitClassAttribute"/>),
/// and JSON-RPC takes a permit per call, so a batch of calls counts call by call.
/// </summary>
public sealed class KmsRateLimits : IDisposable
{
    public KmsRateLimits(IOptions<RateLimitOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        Limiter = PartitionedRateLimiter.Create<(string Class, string Caller), (string Class, string Caller)>(key =>
        {
            var bucket = settings.For(key.Class);
            return bucket.PermitsPerSecond <= 0
                ? RateLimitPartition.GetNoLimiter(key)
                : RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(bucket.Burst, bucket.PermitsPerSecond),
                    TokensPerPeriod = bucket.PermitsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
        });
    }

    public PartitionedRateLimiter<(string Class, string Caller)> Limiter { get; }

    /// <summary>The caller a limit applies to: the authenticated name, else the client address.</summary>
    public static string CallerOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.User.Identity?.IsAuthenticated == true && context.User.Identity.Name is { } name
            ? name
            : context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }

    /// <summary>The REST limiter: the class from the endpoint's attribute; no class, no limit.</summary>
    public PartitionedRateLimiter<HttpContext> ForHttp() =>
        Limiter.WithTranslatedKey<HttpContext>(
            context => (context.GetEndpoint()?.Metadata.GetMetadata<RateLimitClassAttribute>()?.RateClass ?? string.Empty, CallerOf(context)),
            leaveOpen: true);

    /// <summary>429 with Retry-After, as problem details.</summary>
    public static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
        rejected.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        await new ProblemResult(new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = "Too Many Requests",
            Type = "https://tools.ietf.org/html/rfc6585#section-4",
            Detail = $"Too many requests of this kind from this caller; retry after {retryAfter} s.",
        }).ExecuteResultAsync(new ActionContext { HttpContext = rejected.HttpContext }).ConfigureAwait(false);
    }

    public void Dispose() => Limiter.Dispose();
}
