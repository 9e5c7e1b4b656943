using System.Collections.Concurrent;

namespace AutoKms.Application.Common.Caching;

/// <summary>What a bounded cache drops once it has passed its bound.</summary>
internal static class Eviction
{
    /// <summary>
    /// Expired entries, and others in the dictionary's order while the cache is still over
    /// <paramref name="maxEntries"/>; a tenth of the bound at most per call, so one put never pays
    /// for a whole sweep. The size is read once: counting a concurrent dictionary takes all its locks.
    /// </summary>
    public static List<KeyValuePair<TKey, TValue>> Choose<TKey, TValue>(ConcurrentDictionary<TKey, TValue> entries, int maxEntries, Func<TValue, bool> expired)
        where TKey : notnull
    {
        var over = entries.Count - maxEntries;
        var budget = Math.Max(1, maxEntries / 10);
        var chosen = new List<KeyValuePair<TKey, TValue>>();
        foreach (var entry in entries)
        {
            if (chosen.Count >= budget)
            {
                break;
            }

            if (expired(entry.Value) || over > 0)
            {
                chosen.Add(entry);
                over--;
            }
        }

        return chosen;
    }
}
