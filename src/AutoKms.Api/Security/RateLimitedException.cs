namespace AutoKms.Api.Security;

/// <summary>A JSON-RPC call over its caller's rate limit: answered like the REST 429.</summary>
public sealed class RateLimitedException(int retryAfterSeconds)
    : Exception($"Too many requests of this kind from this caller; retry after {retryAfterSeconds} s.")
{
    public int RetryAfterSeconds { get; } = retryAfterSeconds;
}
