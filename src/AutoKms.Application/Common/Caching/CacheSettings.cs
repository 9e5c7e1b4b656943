namespace AutoKms.Application.Common.Caching;

/// <summary>
/// The hot-path caches (configuration section <c>Kms:Cache</c>): key state and unsealed material
/// held in memory so encrypt, decrypt, sign and the rest make no database query in the steady state.
/// </summary>
public sealed record CacheSettings
{
    public const string SectionName = "Kms:Cache";

    /// <summary>Off: every operation loads its key and unseals its material again (for debugging, not production).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>
    /// How long a cached key or material may serve without being reloaded, changes or not. Changes
    /// made through any instance are seen sooner (<see cref="ChangePollMilliseconds"/>); this bounds
    /// how long an instance cut off from the database keeps working on what it has.
    /// </summary>
    public int TtlSeconds { get; init; } = 300;

    /// <summary>At most this many keys, and this many unsealed versions, are held.</summary>
    public int MaxEntries { get; init; } = 10_000;

    /// <summary>How often each instance reads the change feed other instances write to.</summary>
    public int ChangePollMilliseconds { get; init; } = 250;

    /// <summary>Encryptions an instance reserves from a version's limit in the database at a time.</summary>
    public long EncryptionLease { get; init; } = 10_000;

    public TimeSpan Ttl => TimeSpan.FromSeconds(TtlSeconds);
}
