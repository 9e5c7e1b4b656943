namespace AutoKms.Api.Security;

/// <summary>
/// <c>Kms:RateLimits</c>: per caller (token, JWT subject, or client address), per class of
/// operation, a token bucket: <c>PermitsPerSecond</c> refill, <c>Burst</c> size; 0 permits means
/// no limit. Crypto operations and reads are unlimited unless configured, so a benchmark or a busy
/// caller is never throttled by surprise; writes that generate key material have conservative defaults.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Kms:RateLimits";

    public RateLimitClassOptions Crypto { get; set; } = new();

    public RateLimitClassOptions Reads { get; set; } = new();

    public RateLimitClassOptions KeyWrites { get; set; } = new() { PermitsPerSecond = 20, Burst = 100 };

    public RateLimitClassOptions Admin { get; set; } = new() { PermitsPerSecond = 10, Burst = 50 };

    /// <summary>401s per client address: each is an audit record, so a flood of bad tokens is bounded.</summary>
    public RateLimitClassOptions Refusals { get; set; } = new() { PermitsPerSecond = 10, Burst = 50 };

    public RateLimitClassOptions For(string rateClass) => rateClass switch
    {
        RateLimitClasses.Crypto => Crypto,
        RateLimitClasses.Reads => Reads,
        RateLimitClasses.KeyWrites => KeyWrites,
        RateLimitClasses.Admin => Admin,
        RateLimitClasses.Refusals => Refusals,
        _ => new RateLimitClassOptions(),
    };
}
