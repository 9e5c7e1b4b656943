namespace AutoKms.Infrastructure.Crypto;

/// <summary>
/// A 256-bit root key that runs AES-256-GCM, wherever it is kept: in this process
/// (<see cref="RootKey"/>, from a file or the configuration) or inside a PKCS#11 token
/// (<see cref="Pkcs11.Pkcs11RootKey"/>, which never hands its key out). The sealer builds the blob
/// around it; the root key only encrypts and decrypts.
/// </summary>
public interface IRootKey : IDisposable
{
    /// <summary>Where the key is kept, for logs and answers (never the key itself).</summary>
    string Source { get; }

    /// <summary>AES-256-GCM with a 12-byte nonce: answers the ciphertext followed by the 16-byte tag.</summary>
    byte[] Encrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData);

    /// <summary>
    /// Opens what <see cref="Encrypt"/> made. Throws <see cref="System.Security.Cryptography.AuthenticationTagMismatchException"/>
    /// when the data does not authenticate under this key and associated data.
    /// </summary>
    byte[] Decrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertextAndTag, ReadOnlySpan<byte> associatedData);
}
