using System.Security.Cryptography;
using AutoKms.Application.Common.Crypto;
using AutoKms.Application.Common.Interfaces;

namespace AutoKms.Infrastructure.Crypto;

/// <summary>
/// Seals key material with AES-256-GCM under the root key. Blob layout:
/// <c>0x01 ‖ nonce(12) ‖ ciphertext ‖ tag(16)</c>; the associated data binds the key id, version,
/// algorithm and usage (<see cref="SealingContext"/>), so a sealed blob copied to another key or
/// version, or relabelled with another algorithm, fails to open.
/// </summary>
public sealed class AesGcmKeyMaterialSealer(RootKey rootKey) : IKeyMaterialSealer
{
    private const byte FormatVersion = 1;
    private const int NonceSize = AeadSizes.Nonce;
    private const int TagSize = AeadSizes.Tag;
    private const int HeaderSize = 1 + NonceSize;

    public byte[] Seal(SealingContext context, KeyMaterial material)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(material);
        var sealedBlob = new byte[HeaderSize + material.Length + TagSize];
        sealedBlob[0] = FormatVersion;
        var nonce = sealedBlob.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);

        using var aes = new AesGcm(rootKey.Span, TagSize);
        aes.Encrypt(
            nonce,
            material.Span,
            sealedBlob.AsSpan(HeaderSize, material.Length),
            sealedBlob.AsSpan(HeaderSize + material.Length, TagSize),
            context.AssociatedData());
        return sealedBlob;
    }

    public KeyMaterial Unseal(SealingContext context, ReadOnlyMemory<byte> sealedMaterial)
    {
        ArgumentNullException.ThrowIfNull(context);
        var blob = sealedMaterial.Span;
        if (blob.Length < HeaderSize + TagSize || blob[0] != FormatVersion)
        {
            throw new CryptographicException("Sealed key material has an unknown format.");
        }

        var length = blob.Length - HeaderSize - TagSize;
        var plain = new byte[length];
        try
        {
            using var aes = new AesGcm(rootKey.Span, TagSize);
            aes.Decrypt(
                blob.Slice(1, NonceSize),
                blob.Slice(HeaderSize, length),
                blob.Slice(HeaderSize + length, TagSize),
                plain,
                context.AssociatedData());
            return new KeyMaterial(plain);
        }
        catch
        {
            CryptographicOperations.ZeroMemory(plain);
            throw;
        }
    }
}
