namespace AutoKms.Application.Common.Models;

/// <summary>A key as clients see it: never its versions, never its material.</summary>
public sealed record KeyDto
{
    /// <summary>The key id (UUID).</summary>
    /// <example>5e454eb6-7739-453b-9aee-21d60032a773</example>
    public Guid Id { get; init; }

    /// <summary>Unique name, 1 to 120 characters.</summary>
    /// <example>demo</example>
    public string Name { get; init; } = string.Empty;

    /// <summary>AES256_GCM, CHACHA20_POLY1305, RSA2048, RSA3072, EC_P256 or HMAC_SHA256.</summary>
    /// <example>AES256_GCM</example>
    public string Algorithm { get; init; } = string.Empty;

    /// <summary>enabled or disabled.</summary>
    /// <example>enabled</example>
    public string Status { get; init; } = string.Empty;

    /// <summary>The version new encryptions use.</summary>
    /// <example>1</example>
    public int PrimaryVersion { get; init; }

    /// <summary>encrypt_decrypt, sign_verify or mac.</summary>
    /// <example>encrypt_decrypt</example>
    public string Usage { get; init; } = string.Empty;

    /// <summary>Versions below this refuse to decrypt.</summary>
    /// <example>1</example>
    public int MinDecryptionVersion { get; init; } = 1;

    /// <summary>Days between automatic rotations, or null.</summary>
    /// <example>90</example>
    public int? RotationPeriodDays { get; init; }

    /// <summary>When the key next rotates by itself, or null.</summary>
    public DateTimeOffset? NextRotationAt { get; init; }

    /// <summary>Encryptions done by the primary version (persisted in batches; may lag by up to one flush).</summary>
    /// <example>0</example>
    public long Encryptions { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
