namespace AutoKms.Application.Keys;

/// <summary>
/// How many keys are stored, for the <c>Kms:Limits:MaxKeys</c> cap, without counting the table on
/// every creation (a count reads every key's index entry: about half a millisecond at 50,000 keys).
/// Far from the cap, a count taken in the last second plus this instance's own creations since
/// answers; within a tenth of the cap, the table is counted every time, so the cap holds as
/// precisely as before (other instances' creations of the last second are what the estimate can
/// miss, and it never misses them near the cap).
/// </summary>
public sealed class KeyCountEstimate(TimeProvider clock)
{
    private static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private int _counted = -1;
    private int _addedSince;
    private DateTimeOffset _countedAt;

    /// <summary>The number of keys stored, counting with <paramref name="count"/> when the estimate will not do.</summary>
    public async Task<int> CountAsync(int maxKeys, Func<Task<int>> count)
    {
        ArgumentNullException.ThrowIfNull(count);
        lock (_lock)
        {
            var estimate = _counted + _addedSince;
            if (_counted >= 0 && clock.GetUtcNow() - _countedAt < FreshFor && estimate < maxKeys - (maxKeys / 10))
            {
                return estimate;
            }
        }

        var started = clock.GetUtcNow();
        var counted = await count().ConfigureAwait(false);
        lock (_lock)
        {
            _counted = counted;
            _addedSince = 0;
            _countedAt = started;
        }

        return counted;
    }

    /// <summary>This instance stored <paramref name="keys"/> more keys.</summary>
    public void Added(int keys)
    {
        lock (_lock)
        {
            _addedSince += keys;
        }
    }
}
