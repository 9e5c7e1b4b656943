using AutoKms.Application.Cryptography;

namespace AutoKms.Application.Common.Interfaces;

/// <summary>
/// Seals key material under the root key for storage, bound to its <see cref="SealingContext"/>
/// (key, version, algorithm, usage): a sealed blob opens for that context only.
/// </summary>
public interface IKeyMaterialSealer
{
    byte[] Seal(SealingContext context, KeyMaterial material);

    /// <summary>Throws a CryptographicException if the blob fails authentication for this context.</summary>
    KeyMaterial Unseal(SealingContext context, ReadOnlyMemory<byte> sealedMaterial);
}
