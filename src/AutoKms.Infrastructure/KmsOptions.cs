namespace AutoKms.Infrastructure;

/// <summary>
/// Infrastructure's slice of the <c>Kms</c> configuration section (environment: <c>Kms__RootKey</c>,
/// ...), bound once by <c>AddInfrastructure</c> as <c>IOptions&lt;KmsOptions&gt;</c>.
/// </summary>
public sealed class KmsOptions
{
    public const string SectionName = "Kms";

    /// <summary>The 32-byte root key, base64. Takes precedence over <see cref="RootKeyFile"/>.</summary>
    public string? RootKey { get; set; }

    /// <summary>A file holding the root key (raw 32 bytes or base64 text).</summary>
    public string? RootKeyFile { get; set; }

    /// <summary>How often the maintenance service rotates due keys and purges expired deleted keys.</summary>
    public int MaintenanceIntervalSeconds { get; set; } = 60;

    /// <summary>The audit trail (<c>Kms:Audit:Enabled</c>).</summary>
    public AuditOptions Audit { get; set; } = new();
}
