using AutoKms.Application.Common.Crypto;

namespace AutoKms.Application.Common.Interfaces;

/// <summary>
/// Seals key material under the root key for storage, binding the key id and version so a sealed
/// blob cannot be moved to another key or version.
/// </summary>
public interface IKeyMaterialSealer
{
    byte[] Seal(Guid keyId, int version, KeyMaterial material);

    /// <summary>Throws a CryptographicException if the blob fails authentication.</summary>
    KeyMaterial Unseal(Guid keyId, int version, ReadOnlyMemory<byte> sealedMaterial);
}
