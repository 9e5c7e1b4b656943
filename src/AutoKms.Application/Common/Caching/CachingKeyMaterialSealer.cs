using System.Collections.Concurrent;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Metrics;
using AutoKms.Application.Cryptography;
using Microsoft.Extensions.Options;

namespace AutoKms.Application.Common.Caching;

/// <summary>
/// Unsealed material kept in memory per key version, so a warm key is not unsealed (nor, with the
/// cipher objects the crypto provider keeps with it, imported) on every call. Each caller gets its
/// own handle (<see cref="KeyMaterial.Share"/>); the bytes are zeroed when the entry is dropped —
/// on expiry, eviction, a change to the key or <see cref="Clear"/> — and the last handle lent
/// out is disposed. An entry answers only for the exact sealed blob it was unsealed from, so
/// material re-sealed under a new root key is unsealed again rather than trusted.
/// </summary>
public sealed class CachingKeyMaterialSealer(IKeyMaterialSealer inner, IOptions<CacheSettings> settings, TimeProvider clock, KmsMetrics? metrics = null) : IKeyMaterialSealer, IDisposable
{
    private readonly ConcurrentDictionary<(Guid KeyId, int Version), Entry> _entries = new();
    private long _epoch;

    public byte[] Seal(SealingContext context, KeyMaterial material) => inner.Seal(context, material);

    public KeyMaterial Unseal(SealingContext context, ReadOnlyMemory<byte> sealedMaterial)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!settings.Value.Enabled)
        {
            return inner.Unseal(context, sealedMaterial);
        }

        var id = (context.KeyId, context.Version);
        var now = clock.GetTimestamp();
        if (_entries.TryGetValue(id, out var cached))
        {
            if (cached.ExpiresAt > now && cached.SealedBy(sealedMaterial.Span) && cached.TryLend(out var lent))
            {
                metrics?.CacheLookup(KmsMetrics.MaterialCache, hit: true);
                return lent!;
            }

            Remove(id, cached);
        }

        metrics?.CacheLookup(KmsMetrics.MaterialCache, hit: false);
        var epoch = Interlocked.Read(ref _epoch);
        var material = inner.Unseal(context, sealedMaterial);
        var entry = new Entry(material.Share(), sealedMaterial.ToArray(), now + (long)(settings.Value.Ttl.TotalSeconds * clock.TimestampFrequency));
        if (epoch != Interlocked.Read(ref _epoch) || !_entries.TryAdd(id, entry))
        {
            entry.Drop();
        }
        else if (epoch != Interlocked.Read(ref _epoch))
        {
            // A drop raced the add: it wins.
            Remove(id, entry);
        }
        else if (_entries.Count > settings.Value.MaxEntries)
        {
            EvictSome(now);
        }

        return material;
    }

    /// <summary>Drops (and zeroes) every version of the key.</summary>
    public void Drop(Guid keyId)
    {
        Interlocked.Increment(ref _epoch);
        foreach (var (id, entry) in _entries)
        {
            if (id.KeyId == keyId)
            {
                Remove(id, entry);
            }
        }
    }

    public void Clear()
    {
        Interlocked.Increment(ref _epoch);
        foreach (var (id, entry) in _entries)
        {
            Remove(id, entry);
        }
    }

    public void Dispose() => Clear();

    private void Remove((Guid, int) id, Entry entry)
    {
        if (_entries.TryRemove(new KeyValuePair<(Guid, int), Entry>(id, entry)))
        {
            entry.Drop();
        }
    }

    private void EvictSome(long now)
    {
        foreach (var (id, entry) in Eviction.Choose(_entries, settings.Value.MaxEntries, e => e.ExpiresAt <= now))
        {
            Remove(id, entry);
        }
    }

    /// <summary>
    /// The cache's own handle on the material. Lending shares it; dropping disposes it, after which
    /// lending fails (and the bytes are zeroed as soon as the last lent handle goes).
    /// </summary>
    private sealed class Entry(KeyMaterial material, byte[] sealedBlob, long expiresAt)
    {
        public long ExpiresAt { get; } = expiresAt;

        public bool SealedBy(ReadOnlySpan<byte> blob) => blob.SequenceEqual(sealedBlob);

        public bool TryLend(out KeyMaterial? lent) => material.TryShare(out lent);

        public void Drop() => material.Dispose();
    }
}
