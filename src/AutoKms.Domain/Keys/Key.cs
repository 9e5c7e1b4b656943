using AutoKms.Domain.Keys.Exceptions;

namespace AutoKms.Domain.Keys;

/// <summary>
/// The key aggregate: a named, versioned key whose material callers never see. It guards its own
/// lifecycle: which version is primary, which versions may encrypt or decrypt, and what the key
/// may be used for.
/// </summary>
public sealed class Key
{
    public const int MaxNameLength = 120;

    private readonly List<KeyVersion> _versions;

    /// <summary>Longest automatic rotation period: ten years.</summary>
    public const int MaxRotationPeriodDays = 3650;

    private Key(Guid id, string name, KeyAlgorithm algorithm, KeyUsage usage, KeyStatus status, int primaryVersion, DateTimeOffset createdAt, DateTimeOffset updatedAt, List<KeyVersion> versions)
    {
        if (id == Guid.Empty)
        {
            throw new ArgumentException("A key id cannot be empty.", nameof(id));
        }

        Id = id;
        Name = name;
        Algorithm = algorithm;
        Usage = usage;
        Status = status;
        PrimaryVersion = primaryVersion;
        CreatedAt = createdAt;
        UpdatedAt = updatedAt;
        _versions = versions;
    }

    public Guid Id { get; }

    public string Name { get; private set; }

    public KeyAlgorithm Algorithm { get; }

    public KeyUsage Usage { get; }

    public KeyStatus Status { get; private set; }

    public int PrimaryVersion { get; private set; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? DeletedAt { get; private set; }

    /// <summary>Versions below this refuse to decrypt (403); 1 means every live version may.</summary>
    public int MinDecryptionVersion { get; private set; } = 1;

    /// <summary>Days between automatic rotations; <c>null</c> when the key rotates only on request.</summary>
    public int? RotationPeriodDays { get; private set; }

    /// <summary>When the rotation service will next rotate this key; <c>null</c> without a period.</summary>
    public DateTimeOffset? NextRotationAt { get; private set; }

    /// <summary>
    /// The versions loaded: all of them, or, for a key loaded for one operation
    /// (<see cref="HasAllVersions"/> false), the primary one and those the operation named.
    /// </summary>
    public IReadOnlyList<KeyVersion> Versions => _versions;

    /// <summary>
    /// Whether every version is loaded. A key loaded for a cryptographic operation holds only the
    /// versions it needs, and cannot be rotated: a new version's number depends on all of them.
    /// </summary>
    public bool HasAllVersions { get; private init; } = true;

    /// <summary>The number the next version will carry; numbers are never reused.</summary>
    public int NextVersionNumber => !HasAllVersions
        ? throw new InvalidOperationException("A key loaded with some of its versions cannot number a new one; load the whole key.")
        : _versions.Count == 0 ? 1 : _versions.Max(v => v.Version) + 1;

    public KeyVersion Primary => _versions.Single(v => v.Version == PrimaryVersion);

    /// <summary>Creates a key with its first version. The caller seals the material for (id, version 1) beforehand.</summary>
    public static Key Create(Guid id, string name, KeyAlgorithm algorithm, KeyUsage usage, Guid firstVersionId, byte[] sealedMaterial, DateTimeOffset now)
    {
        KeyAlgorithmRules.EnsureSupports(algorithm, usage);
        var key = new Key(id, ValidName(name), algorithm, usage, KeyStatus.Enabled, 1, now, now, []);
        key._versions.Add(KeyVersion.CreateNew(firstVersionId, id, 1, sealedMaterial, now));
        return key;
    }

    /// <summary>
    /// Rebuilds a key from storage; no rule is re-checked. With <paramref name="allVersions"/> false,
    /// <paramref name="versions"/> holds the primary version and any others an operation needs
    /// (a version not among them is as good as absent to this instance).
    /// </summary>
    public static Key Rehydrate(Guid id, string name, KeyAlgorithm algorithm, KeyUsage usage, KeyStatus status, int primaryVersion, DateTimeOffset createdAt, DateTimeOffset updatedAt, DateTimeOffset? deletedAt, int minDecryptionVersion, int? rotationPeriodDays, DateTimeOffset? nextRotationAt, IEnumerable<KeyVersion> versions, bool allVersions = true) =>
        new(id, name, algorithm, usage, status, primaryVersion, createdAt, updatedAt, versions.OrderBy(v => v.Version).ToList())
        {
            DeletedAt = deletedAt,
            MinDecryptionVersion = minDecryptionVersion,
            RotationPeriodDays = rotationPeriodDays,
            NextRotationAt = nextRotationAt,
            HasAllVersions = allVersions,
        };

    /// <summary>
    /// This key with <paramref name="more"/> versions loaded besides its own (a key loaded with some
    /// of its versions, see <see cref="HasAllVersions"/>). The key itself is not changed.
    /// </summary>
    public Key WithVersions(IEnumerable<KeyVersion> more) =>
        Rehydrate(Id, Name, Algorithm, Usage, Status, PrimaryVersion, CreatedAt, UpdatedAt, DeletedAt, MinDecryptionVersion, RotationPeriodDays, NextRotationAt, _versions.Concat(more).DistinctBy(v => v.Version), HasAllVersions);

    /// <summary>Adds a new version and makes it primary. The caller seals the material for (Id, NextVersionNumber).</summary>
    public KeyVersion Rotate(Guid versionId, byte[] sealedMaterial, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(sealedMaterial);
        var version = KeyVersion.CreateNew(versionId, Id, NextVersionNumber, sealedMaterial, now);
        _versions.Add(version);
        PrimaryVersion = version.Version;
        UpdatedAt = now;
        NextRotationAt = RotationPeriodDays is { } days ? now.AddDays(days) : null;
        return version;
    }

    public void Rename(string name, DateTimeOffset now)
    {
        Name = ValidName(name);
        UpdatedAt = now;
    }

    /// <summary>Lets the key be used again.</summary>
    public void Enable(DateTimeOffset now)
    {
        Status = KeyStatus.Enabled;
        UpdatedAt = now;
    }

    /// <summary>Stops every operation with the key (403) until it is enabled again; nothing is erased.</summary>
    public void Disable(DateTimeOffset now)
    {
        Status = KeyStatus.Disabled;
        UpdatedAt = now;
    }

    /// <summary>The version with this id; <see cref="KeyVersionNotFoundException"/> when the key has none.</summary>
    public KeyVersion VersionById(Guid versionId) =>
        _versions.FirstOrDefault(v => v.Id == versionId) ?? throw new KeyVersionNotFoundException();

    /// <summary>Sets the oldest version allowed to decrypt. It cannot pass the primary version.</summary>
    public void ChangeMinDecryptionVersion(int minimum, DateTimeOffset now)
    {
        if (minimum < 1 || minimum > PrimaryVersion)
        {
            throw new KeyRuleViolationException($"min_decryption_version must be between 1 and the primary version ({PrimaryVersion})");
        }

        MinDecryptionVersion = minimum;
        UpdatedAt = now;
    }

    /// <summary>Sets (or, with <c>null</c>, clears) the automatic rotation period, counted from the last rotation.</summary>
    public void ChangeRotationPeriod(int? days, DateTimeOffset now)
    {
        if (days is < 1 or > MaxRotationPeriodDays)
        {
            throw new KeyRuleViolationException($"rotation_period_days must be between 1 and {MaxRotationPeriodDays}");
        }

        RotationPeriodDays = days;
        NextRotationAt = days is { } d ? Primary.CreatedAt.AddDays(d) : null;
        if (NextRotationAt < now)
        {
            NextRotationAt = now;
        }

        UpdatedAt = now;
    }

    public bool IsRotationDue(DateTimeOffset now) => DeletedAt is null && NextRotationAt is { } due && due <= now;

    /// <summary>Marks the key deleted: it stops answering but its versions are kept until purged.</summary>
    public void Delete(DateTimeOffset now)
    {
        if (DeletedAt is not null)
        {
            throw new KeyRuleViolationException("The key is already deleted");
        }

        DeletedAt = now;
        UpdatedAt = now;
    }

    /// <summary>
    /// Brings a deleted key back, versions and all, while its retention window lasts; past it the
    /// key is as good as purged (<see cref="KeyRetentionOverException"/>).
    /// </summary>
    public void Recover(DateTimeOffset now, TimeSpan retention)
    {
        if (IsPurgeable(now, retention))
        {
            throw new KeyRetentionOverException();
        }

        DeletedAt = null;
        UpdatedAt = now;
    }

    /// <summary>When this deleted key is erased for good: its deletion plus the retention window.</summary>
    public DateTimeOffset PurgeAt(TimeSpan retention) => PurgeAtFor(DeletedAtOrThrow(), retention);

    /// <summary>Whether this deleted key's retention window is over at <paramref name="now"/>, so it may be purged.</summary>
    public bool IsPurgeable(DateTimeOffset now, TimeSpan retention) => DeletedAtOrThrow() <= PurgeCutoff(now, retention);

    /// <summary>
    /// When a key deleted at <paramref name="deletedAt"/> is purged. Static for the read side,
    /// which lists deleted keys without loading the aggregate.
    /// </summary>
    public static DateTimeOffset PurgeAtFor(DateTimeOffset deletedAt, TimeSpan retention) => deletedAt + NonNegative(retention);

    /// <summary>
    /// Keys deleted at or before this moment are past their retention window at <paramref name="now"/>;
    /// keys deleted after it can still be recovered. Lets storage select either set in SQL.
    /// </summary>
    public static DateTimeOffset PurgeCutoff(DateTimeOffset now, TimeSpan retention) => now - NonNegative(retention);

    /// <summary>The version new encryptions, wraps, signatures and MACs use: the primary one.</summary>
    public KeyVersion VersionForEncryption(KeyUsage usage)
    {
        EnsureUsage(usage);
        EnsureEnabled();
        var primary = Primary;
        primary.EnsureUsable();
        return primary;
    }

    /// <summary>The version a verification asks for (default: primary).</summary>
    public KeyVersion VersionForVerification(KeyUsage usage, int? version)
    {
        EnsureUsage(usage);
        EnsureEnabled();
        var found = FindVersion(version ?? PrimaryVersion);
        found.EnsureUsable();
        return found;
    }

    /// <summary>The version a decryption or unwrap asks for (default: primary), never one below <see cref="MinDecryptionVersion"/>.</summary>
    public KeyVersion VersionForDecryption(KeyUsage usage, int? version)
    {
        var found = VersionForVerification(usage, version);
        if (found.Version < MinDecryptionVersion)
        {
            throw new KeyVersionUnavailableException(found.Version, MinDecryptionVersion);
        }

        return found;
    }

    public KeyVersion FindVersion(int version) =>
        _versions.FirstOrDefault(v => v.Version == version) ?? throw new KeyVersionNotFoundException(version);

    /// <summary>Lets a disabled version encrypt or decrypt again; a destroyed one stays destroyed.</summary>
    public KeyVersion EnableVersion(int version, DateTimeOffset now) => ChangeVersionStatus(version, KeyVersionStatus.Enabled, now);

    /// <summary>Its ciphertexts answer 403 until it is enabled again. Never the primary version.</summary>
    public KeyVersion DisableVersion(int version, DateTimeOffset now) => ChangeVersionStatus(version, KeyVersionStatus.Disabled, now);

    /// <summary>Erases the version's material for good. Never the primary version.</summary>
    public KeyVersion DestroyVersion(int version, DateTimeOffset now) => ChangeVersionStatus(version, KeyVersionStatus.Destroyed, now);

    private KeyVersion ChangeVersionStatus(int version, KeyVersionStatus status, DateTimeOffset now)
    {
        var target = FindVersion(version);
        if (status == target.Status)
        {
            return target;
        }

        if (version == PrimaryVersion && status != KeyVersionStatus.Enabled)
        {
            throw new KeyRuleViolationException($"The primary version cannot be {status.ToName()}; rotate the key first");
        }

        switch (status)
        {
            case KeyVersionStatus.Enabled:
                target.Enable(now);
                break;
            case KeyVersionStatus.Disabled:
                target.Disable(now);
                break;
            case KeyVersionStatus.Destroyed:
                target.Destroy(now);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(status), status, null);
        }

        UpdatedAt = now;
        return target;
    }

    /// <summary>Only RSA and EC keys have a public half to export.</summary>
    public void EnsureAsymmetric()
    {
        if (!KeyAlgorithmRules.IsAsymmetric(Algorithm))
        {
            throw new UnsupportedKeyOperationException($"{Algorithm.ToName()} keys are symmetric: they have no public key");
        }
    }

    public void EnsureEnabled()
    {
        if (Status != KeyStatus.Enabled)
        {
            throw new KeyDisabledException();
        }
    }

    public void EnsureUsage(KeyUsage usage)
    {
        if (Usage != usage)
        {
            throw new UnsupportedKeyOperationException(
                $"Key {Name} is {(Algorithm == KeyAlgorithm.ChaCha20Poly1305 ? "a" : "an")} {Algorithm.ToName()} key for {Usage.ToName()}; it cannot be used for {usage.ToName()}");
        }
    }

    public override string ToString() => $"Key {Id} ({Algorithm.ToName()}, v{PrimaryVersion}, {Status.ToName()})";

    private DateTimeOffset DeletedAtOrThrow() => DeletedAt ?? throw new KeyRuleViolationException("The key is not deleted");

    private static TimeSpan NonNegative(TimeSpan retention) =>
        retention >= TimeSpan.Zero ? retention : throw new ArgumentOutOfRangeException(nameof(retention), retention, "A retention window cannot be negative.");

    private static string ValidName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Length > MaxNameLength)
        {
            throw new ArgumentException($"A key name has at most {MaxNameLength} characters.", nameof(name));
        }

        return name;
    }
}
