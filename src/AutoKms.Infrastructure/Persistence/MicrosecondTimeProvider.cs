namespace AutoKms.Infrastructure.Persistence;

/// <summary>
/// The service's clock cut to whole microseconds, for PostgreSQL, whose <c>timestamptz</c> keeps no
/// finer: a time the service answers with (a key's <c>created_at</c>) is then the time it stores, and
/// a client echoing it back (PATCH with read-only fields) matches the stored value exactly.
/// </summary>
public sealed class MicrosecondTimeProvider(TimeProvider inner) : TimeProvider
{
    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override DateTimeOffset GetUtcNow()
    {
        var now = inner.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);
}
