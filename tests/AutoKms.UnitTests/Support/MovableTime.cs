namespace AutoKms.UnitTests.Support;

/// <summary>A clock the test moves: its timestamps and its wall-clock time advance together, only when told.</summary>
public sealed class MovableTime : TimeProvider
{
    private const long Start = 1_000_000;
    private long _ticks = Start;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => _ticks;

    public override DateTimeOffset GetUtcNow() => Fixture.Now + TimeSpan.FromTicks(_ticks - Start);

    public void Advance(TimeSpan by) => _ticks += by.Ticks;
}
