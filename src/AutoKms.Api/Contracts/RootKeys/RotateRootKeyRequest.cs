using AutoKms.Application.RootKeys;
using AutoKms.Application.RootKeys.Commands.RotateRootKey;

namespace AutoKms.Api.Contracts.RootKeys;

/// <summary>The root key to rotate to, by reference: exactly one of the two fields.</summary>
public sealed class RotateRootKeyRequest
{
    /// <summary>A root-key file on the service's machine (one line of base64 or hex, mode 0600).</summary>
    /// <example>/etc/auto-kms/root-2026.key</example>
    public string? KeyFile { get; init; }

    /// <summary>The label of an AES key in the configured PKCS#11 token (generated there, non-extractable, if missing).</summary>
    /// <example>autokms-root-2026</example>
    public string? Pkcs11KeyLabel { get; init; }

    public RotateRootKeyCommand ToCommand() => new(new NewRootKey(KeyFile, Pkcs11KeyLabel));
}
