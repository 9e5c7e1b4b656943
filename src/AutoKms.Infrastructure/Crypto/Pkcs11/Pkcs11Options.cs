namespace AutoKms.Infrastructure.Crypto.Pkcs11;

/// <summary>The <c>Kms:Pkcs11</c> settings: which token holds the root key, and how to log in to it.</summary>
public sealed class Pkcs11Options
{
    /// <summary>Path of the PKCS#11 library (SoftHSM2 on Debian: <c>/usr/lib/softhsm/libsofthsm2.so</c>).</summary>
    public string? Library { get; set; }

    /// <summary>The label of the token (the slot is found by it, so slot renumbering does not matter).</summary>
    public string? TokenLabel { get; set; }

    /// <summary>A file holding the user PIN on one line, readable by its owner only. Preferred over <see cref="Pin"/>.</summary>
    public string? PinFile { get; set; }

    /// <summary>The user PIN itself (stays in the configuration and the environment for the life of the process).</summary>
    public string? Pin { get; set; }

    /// <summary>The <c>CKA_LABEL</c> of the AES-256 root key in the token.</summary>
    public string? KeyLabel { get; set; }
}
