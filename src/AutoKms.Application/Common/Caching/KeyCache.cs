using System.Collections.Concurrent;
using AutoKms.Application.Common.Metrics;
using AutoKms.Domain.Keys;
using Microsoft.Extensions.Options;

namespace AutoKms.Application.Common.Caching;

/// <summary>
/// Keys as cryptographic operations load them (<see cref="Key.HasAllVersions"/> false: the primary
/// version and the versions asked for so far), shared read-only by every request of this instance.
/// Nothing mutates a cached key: use cases that change a key load their own, whole.
/// Entries expire after <see cref="CacheSettings.TtlSeconds"/>; a change to a key, through this
/// instance or another (the change feed), drops its entry. A load that began before a drop never
/// puts its (possibly stale) answer back: <see cref="Epoch"/> tells.
/// </summary>
public sealed class KeyCache(IOptions<CacheSettings> settings, TimeProvider clock, KmsMetrics? metrics = null)
{
    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();
    private long _epoch;

    /// <summary>Changes with every drop; read before loading, handed to <see cref="Put"/>.</summary>
    public long Epoch => Interlocked.Read(ref _epoch);

    /// <summary>The cached key, if it holds every version in <paramref name="versions"/> (or knows it has none such).</summary>
    public bool TryGet(Guid id, IReadOnlyCollection<int> versions, out Key? key)
    {
        ArgumentNullException.ThrowIfNull(versions);
        key = null;
        if (!settings.Value.Enabled)
        {
            return false;
        }

        var hit = Lookup(id, versions, out key);
        metrics?.CacheLookup(KmsMetrics.KeyCache, hit);
        return hit;
    }

    private bool Lookup(Guid id, IReadOnlyCollection<int> versions, out Key? key)
    {
        key = null;
        if (!_entries.TryGetValue(id, out var entry))
        {
            return false;
        }

        if (entry.ExpiresAt <= clock.GetTimestamp())
        {
            _entries.TryRemove(new KeyValuePair<Guid, Entry>(id, entry));
            return false;
        }

        foreach (var version in versions)
        {
            if (!entry.Knows(version))
            {
                return false;
            }
        }

        key = entry.Key;
        return true;
    }

    /// <summary>
    /// Remembers <paramref name="key"/> as loaded with <paramref name="asked"/> (those of them it
    /// lacks do not exist), merged with what is cached, unless a drop happened since <paramref name="epoch"/>.
    /// </summary>
    public void Put(Key key, IReadOnlyCollection<int> asked, long epoch)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(asked);
        if (!settings.Value.Enabled || epoch != Epoch)
        {
            return;
        }

        var missing = asked.Where(v => key.Versions.All(k => k.Version != v)).ToHashSet();
        var now = clock.GetTimestamp();
        _entries.AddOrUpdate(
            key.Id,
            _ => new Entry(key, missing, Expiry(now)),
            (_, current) => current.Key.PrimaryVersion == key.PrimaryVersion && current.Key.UpdatedAt == key.UpdatedAt && current.ExpiresAt > now
                ? current.Merge(key, missing)
                : new Entry(key, missing, Expiry(now)));

        // A drop that raced the put wins.
        if (epoch != Epoch)
        {
            _entries.TryRemove(key.Id, out _);
        }

        if (_entries.Count > settings.Value.MaxEntries)
        {
            EvictSome();
        }
    }

    /// <summary>Drops the key: its next use loads it again.</summary>
    public void Drop(Guid id)
    {
        Interlocked.Increment(ref _epoch);
        _entries.TryRemove(id, out _);
    }

    public void Clear()
    {
        Interlocked.Increment(ref _epoch);
        _entries.Clear();
    }

    private long Expiry(long now) => now + (long)(settings.Value.Ttl.TotalSeconds * clock.TimestampFrequency);

    private void EvictSome()
    {
        var now = clock.GetTimestamp();
        foreach (var entry in Eviction.Choose(_entries, settings.Value.MaxEntries, e => e.ExpiresAt <= now))
        {
            _entries.TryRemove(entry);
        }
    }

    private sealed class Entry(Key key, IReadOnlySet<int> missing, long expiresAt)
    {
        public Key Key { get; } = key;

        public long ExpiresAt { get; } = expiresAt;

        public bool Knows(int version)
        {
            if (missing.Contains(version))
            {
                return true;
            }

            // A loop, not LINQ: this runs on every decrypt and must not allocate.
            foreach (var loaded in Key.Versions)
            {
                if (loaded.Version == version)
                {
                    return true;
                }
            }

            return false;
        }

        public Entry Merge(Key loaded, IReadOnlySet<int> loadedMissing) =>
            new(Key.WithVersions(loaded.Versions), missing.Union(loadedMissing).ToHashSet(), ExpiresAt);
    }
}
