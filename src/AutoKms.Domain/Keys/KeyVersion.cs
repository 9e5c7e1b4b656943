using AutoKms.Domain.Keys.Exceptions;

namespace AutoKms.Domain.Keys;

/// <summary>
/// One generation of a key's material. The material is held only in sealed form (encrypted under
/// the root key); the domain never sees it in the clear. Lifecycle moves go through <see cref="Key"/>,
/// which knows which version is primary.
/// </summary>
public sealed class KeyVersion
{
    private byte[]? _sealedMaterial;

    private KeyVersion(Guid id, Guid keyId, int version, KeyVersionStatus status, byte[]? sealedMaterial, long encryptions, DateTimeOffset createdAt, DateTimeOffset updatedAt)
    {
        if (id == Guid.Empty)
        {
            throw new ArgumentException("A key version id cannot be empty.", nameof(id));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        Id = id;
        KeyId = keyId;
        Version = version;
        Status = status;
        _sealedMaterial = sealedMaterial;
        Encryptions = encryptions;
        CreatedAt = createdAt;
        UpdatedAt = updatedAt;
    }

    public Guid Id { get; }

    public Guid KeyId { get; }

    public int Version { get; }

    public KeyVersionStatus Status { get; private set; }

    /// <summary>How many encryptions this version has performed, as last persisted.</summary>
    public long Encryptions { get; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The material sealed under the root key; <c>null</c> once destroyed.</summary>
    public ReadOnlyMemory<byte> SealedMaterial =>
        _sealedMaterial ?? throw new KeyVersionUnavailableException(KeyVersionStatus.Destroyed);

    public bool HasMaterial => _sealedMaterial is not null;

    internal static KeyVersion CreateNew(Guid id, Guid keyId, int version, byte[] sealedMaterial, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(sealedMaterial);
        if (sealedMaterial.Length == 0)
        {
            throw new ArgumentException("Sealed material cannot be empty.", nameof(sealedMaterial));
        }

        return new KeyVersion(id, keyId, version, KeyVersionStatus.Enabled, sealedMaterial, 0, now, now);
    }

    /// <summary>Rebuilds a version from storage; no rule is re-checked.</summary>
    public static KeyVersion Rehydrate(Guid id, Guid keyId, int version, KeyVersionStatus status, byte[]? sealedMaterial, long encryptions, DateTimeOffset createdAt, DateTimeOffset updatedAt) =>
        new(id, keyId, version, status, status == KeyVersionStatus.Destroyed ? null : sealedMaterial, encryptions, createdAt, updatedAt);

    /// <summary>Throws unless this version may be used for an operation.</summary>
    public void EnsureUsable()
    {
        if (Status != KeyVersionStatus.Enabled)
        {
            throw new KeyVersionUnavailableException(Status);
        }
    }

    internal void Enable(DateTimeOffset now)
    {
        if (Status == KeyVersionStatus.Destroyed)
        {
            throw new KeyRuleViolationException($"Key version {Version} is destroyed and cannot be enabled");
        }

        Status = KeyVersionStatus.Enabled;
        UpdatedAt = now;
    }

    internal void Disable(DateTimeOffset now)
    {
        if (Status == KeyVersionStatus.Destroyed)
        {
            throw new KeyRuleViolationException($"Key version {Version} is destroyed and cannot be disabled");
        }

        Status = KeyVersionStatus.Disabled;
        UpdatedAt = now;
    }

    internal void Destroy(DateTimeOffset now)
    {
        if (_sealedMaterial is not null)
        {
            Array.Clear(_sealedMaterial);
        }

        _sealedMaterial = null;
        Status = KeyVersionStatus.Destroyed;
        UpdatedAt = now;
    }

    public override string ToString() => $"KeyVersion {KeyId}/v{Version} ({Status.ToName()})";
}
