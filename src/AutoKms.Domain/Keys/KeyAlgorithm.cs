namespace AutoKms.Domain.Keys;

/// <summary>The algorithms a key can be created with. Wire names are in <see cref="KeyAlgorithmNames"/>.</summary>
public enum KeyAlgorithm
{
    Aes256Gcm,
    ChaCha20Poly1305,
    Rsa2048,
    Rsa3072,
    EcP256,
    HmacSha256,
}
