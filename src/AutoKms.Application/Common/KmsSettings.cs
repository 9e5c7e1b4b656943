namespace AutoKms.Application.Common;

/// <summary>The service-wide limits the use cases enforce (configuration section <c>Kms</c>).</summary>
public sealed record KmsSettings
{
    /// <summary>2^31: well below the 2^32 random-nonce bound of NIST SP 800-38D for one AES-GCM key.</summary>
    public const long DefaultMaxEncryptionsPerVersion = 1L << 31;

    public long MaxEncryptionsPerVersion { get; init; } = DefaultMaxEncryptionsPerVersion;

    /// <summary>How long a deleted key can be recovered before it is purged.</summary>
    public int DeletedKeyRetentionDays { get; init; } = 7;

    /// <summary><see cref="DeletedKeyRetentionDays"/> as the window the <c>Key</c> aggregate's retention rules take.</summary>
    public TimeSpan DeletedKeyRetention => TimeSpan.FromDays(DeletedKeyRetentionDays);

    /// <summary>Refuses settings that would make the service unsafe or useless; called at start-up.</summary>
    public KmsSettings Validated()
    {
        if (MaxEncryptionsPerVersion is < 1 or > 1L << 32)
        {
            throw new InvalidOperationException("Kms:MaxEncryptionsPerVersion must be between 1 and 2^32 (the random-nonce bound of NIST SP 800-38D).");
        }

        if (DeletedKeyRetentionDays is < 0 or > 3650)
        {
            throw new InvalidOperationException("Kms:DeletedKeyRetentionDays must be between 0 and 3650.");
        }

        return this;
    }
}
