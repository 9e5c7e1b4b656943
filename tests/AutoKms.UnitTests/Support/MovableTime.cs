namespace AutoKms.UnitTests.Support;

/// <summary>A clock whose timestamps the test moves.</summary>
public sealed class MovableTime : TimeProvider
{
    private long _ticks = 1_000_000;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => _ticks;

    public void Advance(TimeSpan by) => _ticks += by.Ticks;
}
