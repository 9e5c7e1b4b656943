using AutoKms.Domain.Keys.Exceptions;

namespace AutoKms.Domain.Keys;

/// <summary>Which usages each algorithm supports, and what a key of each may do.</summary>
public static class KeyAlgorithmRules
{
    public static KeyUsage DefaultUsage(KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.EcP256 => KeyUsage.SignVerify,
        KeyAlgorithm.HmacSha256 => KeyUsage.Mac,
        _ => KeyUsage.EncryptDecrypt,
    };

    public static bool Supports(KeyAlgorithm algorithm, KeyUsage usage) => algorithm switch
    {
        KeyAlgorithm.Aes256Gcm or KeyAlgorithm.ChaCha20Poly1305 => usage == KeyUsage.EncryptDecrypt,
        KeyAlgorithm.Rsa2048 or KeyAlgorithm.Rsa3072 => usage is KeyUsage.EncryptDecrypt or KeyUsage.SignVerify,
        KeyAlgorithm.EcP256 => usage == KeyUsage.SignVerify,
        KeyAlgorithm.HmacSha256 => usage == KeyUsage.Mac,
        _ => false,
    };

    public static bool IsAsymmetric(KeyAlgorithm algorithm) =>
        algorithm is KeyAlgorithm.Rsa2048 or KeyAlgorithm.Rsa3072 or KeyAlgorithm.EcP256;

    /// <summary>AEAD algorithms answer a nonce and a tag; RSA-OAEP answers neither.</summary>
    public static bool IsAead(KeyAlgorithm algorithm) =>
        algorithm is KeyAlgorithm.Aes256Gcm or KeyAlgorithm.ChaCha20Poly1305;

    /// <summary>Associated data is an AEAD notion: RSA-OAEP keys refuse it rather than ignore it.</summary>
    public static void EnsureAadSupported(KeyAlgorithm algorithm, bool hasAad)
    {
        if (hasAad && !IsAead(algorithm))
        {
            throw new UnsupportedKeyOperationException($"aad_b64 is not supported by {algorithm.ToName()} keys: RSA-OAEP has no associated data");
        }
    }

    public static void EnsureSupports(KeyAlgorithm algorithm, KeyUsage usage)
    {
        if (!Supports(algorithm, usage))
        {
            throw new UnsupportedKeyOperationException(
                $"Algorithm {algorithm.ToName()} does not support usage {usage.ToName()}");
        }
    }
}
