using Net.Pkcs11Interop.HighLevelAPI;

namespace AutoKms.Infrastructure.Crypto.Pkcs11;

/// <summary>
/// The root key as an AES-256 key inside a PKCS#11 token: sensitive and not extractable, so its
/// bytes never reach this process; every seal and unseal is one CKM_AES_GCM call in the token.
/// </summary>
public sealed class Pkcs11RootKey(Pkcs11Token token, IObjectHandle key, string label) : IRootKey
{
    public string Label { get; } = label;

    public string Source => $"PKCS#11 token '{token.TokenLabel}', key '{Label}'";

    public byte[] Encrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData) =>
        token.Encrypt(key, nonce, plaintext, associatedData);

    public byte[] Decrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertextAndTag, ReadOnlySpan<byte> associatedData) =>
        token.Decrypt(key, nonce, ciphertextAndTag, associatedData);

    /// <summary>Nothing to zero: the key stays in the token, which its owner closes.</summary>
    public void Dispose()
    {
    }

    public override string ToString() => $"Pkcs11RootKey({Source})";
}
