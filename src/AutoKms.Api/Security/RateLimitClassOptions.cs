namespace AutoKms.Api.Security;

/// <summary>One class's token bucket: refill per second and size; 0 permits per second: unlimited.</summary>
public sealed class RateLimitClassOptions
{
    public int PermitsPerSecond { get; set; }

    public int Burst { get; set; }
}
