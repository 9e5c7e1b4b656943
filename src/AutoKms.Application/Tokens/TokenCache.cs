using System.Collections.Concurrent;
using AutoKms.Application.Common.Security;

namespace AutoKms.Application.Tokens;

/// <summary>
/// Who a presented token's hash stands for, remembered for a short time (misses too, so a flood
/// of bad tokens does not become a flood of queries). Revoking on this instance forgets the entry
/// at once; other instances forget every entry when the change feed tells them of it.
/// </summary>
public sealed class TokenCache(TimeProvider clock)
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromSeconds(30);
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, (Caller? Caller, DateTimeOffset Until)> _entries = new(StringComparer.Ordinal);

    public TimeSpan Lifetime { get; init; } = DefaultLifetime;

    public bool TryGet(byte[] hash, out Caller? caller)
    {
        caller = null;
        if (!_entries.TryGetValue(Key(hash), out var entry) || entry.Until <= clock.GetUtcNow())
        {
            return false;
        }

        caller = entry.Caller;
        return true;
    }

    public void Set(byte[] hash, Caller? caller, DateTimeOffset? expiresAt)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        var until = clock.GetUtcNow() + Lifetime;
        _entries[Key(hash)] = (caller, expiresAt is { } expiry && expiry < until ? expiry : until);
    }

    public void Forget(byte[] hash) => _entries.TryRemove(Key(hash), out _);

    /// <summary>Forgets every lookup: a token changed through another instance.</summary>
    public void Clear() => _entries.Clear();

    private static string Key(byte[] hash) => Convert.ToHexString(hash);
}
