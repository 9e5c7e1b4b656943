namespace AutoKms.IntegrationTests.Support;

/// <summary>A SoftHSM2 token with the pre-generated root key <see cref="KeyLabel"/>.</summary>
public sealed record SoftHsmToken(string Library, string TokenLabel, string PinFile, string KeyLabel, string Configuration)
{
    /// <summary>The service's configuration for this token, as environment variables (another key label if given).</summary>
    public Dictionary<string, string?> ServiceEnvironment(string? keyLabel = null) => new(StringComparer.Ordinal)
    {
        ["SOFTHSM2_CONF"] = Configuration,
        ["Kms__RootKeyProvider"] = "pkcs11",
        ["Kms__Pkcs11__Library"] = Library,
        ["Kms__Pkcs11__TokenLabel"] = TokenLabel,
        ["Kms__Pkcs11__PinFile"] = PinFile,
        ["Kms__Pkcs11__KeyLabel"] = keyLabel ?? KeyLabel,
    };

    /// <summary>The same as configuration settings, for an in-process service.</summary>
    public Dictionary<string, string?> ServiceSettings(string? keyLabel = null) =>
        ServiceEnvironment(keyLabel).Where(e => e.Key.StartsWith("Kms__", StringComparison.Ordinal)).ToDictionary(e => e.Key.Replace("__", ":", StringComparison.Ordinal), e => e.Value, StringComparer.Ordinal);
}
