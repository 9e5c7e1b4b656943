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

    /// <summary>A file holding the root key: one line of base64 or hex text, readable by its owner only.</summary>
    public string? RootKeyFile { get; set; }

    /// <summary>
    /// Lets the service generate <c>root.key</c> for a new database outside the Development
    /// environment (in Development it always may).
    /// </summary>
    public bool AllowRootKeyGeneration { get; set; }

    /// <summary>How often the maintenance service rotates due keys and purges expired deleted keys.</summary>
    public int MaintenanceIntervalSeconds { get; set; } = 60;
}
