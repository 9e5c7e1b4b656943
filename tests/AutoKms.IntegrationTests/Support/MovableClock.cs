namespace AutoKms.IntegrationTests.Support;

/// <summary>A clock the test moves forward, so days-long schedules are tested without waiting.</summary>
public sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
