namespace AutoKms.Application.Common;

/// <summary>
/// The service-wide limits the use cases enforce (configuration section <c>Kms</c>), bound once by
/// <c>AddApplication</c> and range-checked at start-up by <see cref="KmsSettingsValidation"/>.
/// </summary>
public sealed record KmsSettings
{
    public const string SectionName = "Kms";

    /// <summary>2^31: well below the 2^32 random-nonce bound of NIST SP 800-38D for one AES-GCM key.</summary>
    public const long DefaultMaxEncryptionsPerVersion = 1L << 31;

    public long MaxEncryptionsPerVersion { get; init; } = DefaultMaxEncryptionsPerVersion;

    /// <summary>How long a deleted key can be recovered before it is purged.</summary>
    public int DeletedKeyRetentionDays { get; init; } = 7;

    /// <summary><see cref="DeletedKeyRetentionDays"/> as the window the <c>Key</c> aggregate's retention rules take.</summary>
    public TimeSpan DeletedKeyRetention => TimeSpan.FromDays(DeletedKeyRetentionDays);
}
