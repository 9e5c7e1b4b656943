namespace AutoKms.Infrastructure;

/// <summary>The <c>Kms</c> configuration section (environment: <c>Kms__RootKey</c>, ...).</summary>
public sealed class KmsOptions
{
    public const string SectionName = "Kms";

    /// <summary>The 32-byte root key, base64. Takes precedence over <see cref="RootKeyFile"/>.</summary>
    public string? RootKey { get; set; }

    /// <summary>A file holding the root key (raw 32 bytes or base64 text).</summary>
    public string? RootKeyFile { get; set; }

    /// <summary>How often the maintenance service rotates due keys and purges expired deleted keys.</summary>
    public int MaintenanceIntervalSeconds { get; set; } = 60;
}
