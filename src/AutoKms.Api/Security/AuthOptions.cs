namespace AutoKms.Api.Security;

/// <summary>
/// <c>Kms:Auth</c>: who may call the service. With none of these set the service runs open
/// (loopback only, every caller an admin named <c>local</c>); see docs/operations.md.
/// </summary>
public sealed class AuthOptions
{
    public const string SectionName = "Kms:Auth";
    public const int MinBootstrapTokenLength = 32;

    /// <summary>An admin token given by configuration (at least 32 characters); it creates the others.</summary>
    public string? BootstrapToken { get; set; }

    /// <summary>A file holding the bootstrap token (its first line).</summary>
    public string? BootstrapTokenFile { get; set; }

    /// <summary>How long this instance remembers what a presented token stands for (default 30 s).</summary>
    public int TokenCacheSeconds { get; set; } = 30;

    public JwtOptions Jwt { get; set; } = new();

    public bool JwtConfigured => !string.IsNullOrWhiteSpace(Jwt.Authority) || !string.IsNullOrWhiteSpace(Jwt.SigningKey);

    /// <summary>No bootstrap token and no JWT: the open development mode.</summary>
    public bool IsOpen => string.IsNullOrWhiteSpace(BootstrapToken) && string.IsNullOrWhiteSpace(BootstrapTokenFile) && !JwtConfigured;
}
