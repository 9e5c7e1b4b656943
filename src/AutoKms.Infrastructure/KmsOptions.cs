using AutoKms.Infrastructure.Crypto.Pkcs11;

namespace AutoKms.Infrastructure;

/// <summary>
/// Infrastructure's slice of the <c>Kms</c> configuration section (environment: <c>Kms__RootKey</c>,
/// ...), bound once by <c>AddInfrastructure</c> as <c>IOptions&lt;KmsOptions&gt;</c>.
/// </summary>
public sealed class KmsOptions
{
    public const string SectionName = "Kms";

    /// <summary>
    /// Where the root key is kept: <c>env</c> (<see cref="RootKey"/>), <c>file</c>
    /// (<see cref="RootKeyFile"/>, else <c>root.key</c> beside the database) or <c>pkcs11</c> (an AES
    /// key inside a token, <see cref="Pkcs11"/>). Unset: <c>env</c> when <see cref="RootKey"/> is
    /// set, else <c>file</c>.
    /// </summary>
    public string? RootKeyProvider { get; set; }

    /// <summary>The token and key of the <c>pkcs11</c> provider (<c>Kms:Pkcs11:*</c>).</summary>
    public Pkcs11Options Pkcs11 { get; set; } = new();

    /// <summary>The 32-byte root key, base64. Takes precedence over <see cref="RootKeyFile"/>.</summary>
    public string? RootKey { get; set; }

    /// <summary>A file holding the root key: one line of base64 or hex text, readable by its owner only.</summary>
    public string? RootKeyFile { get; set; }

    /// <summary>
    /// Lets the service generate the root key for a new database outside the Development
    /// environment (in Development it always may): <c>root.key</c>, or the token key of the
    /// <c>pkcs11</c> provider.
    /// </summary>
    public bool AllowRootKeyGeneration { get; set; }

    /// <summary>How often the maintenance service rotates due keys and purges expired deleted keys.</summary>
    public int MaintenanceIntervalSeconds { get; set; } = 60;

    /// <summary>The storage engine (<c>Kms:Database:Provider</c>: <c>sqlite</c>, the default, or <c>postgres</c>).</summary>
    public DatabaseOptions Database { get; set; } = new();

    /// <summary>The audit trail (<c>Kms:Audit:Enabled</c>).</summary>
    public AuditOptions Audit { get; set; } = new();
}
