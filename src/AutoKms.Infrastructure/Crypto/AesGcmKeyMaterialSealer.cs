using System.Security.Cryptography;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Cryptography;

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
    private const int HeaderSize = 1 + AeadSizes.Nonce;

    public byte[] Seal(SealingContext context, KeyMaterial material)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(material);
        var sealedBlob = new byte[HeaderSize + material.Length + AeadSizes.Tag];
        sealedBlob[0] = FormatVersion;
        var nonce = sealedBlob.AsSpan(1, AeadSizes.Nonce);
        RandomNumberGenerator.Fill(nonce);

        using var aes = new AesGcm(rootKey.Span, AeadSizes.Tag);
        aes.Encrypt(
            nonce,
            material.Span,
            sealedBlob.AsSpan(HeaderSize, material.Length),
            sealedBlob.AsSpan(HeaderSize + material.Length, AeadSizes.Tag),
            context.AssociatedData());
        return sealedBlob;
    }

    public KeyMaterial Unseal(SealingContext context, ReadOnlyMemory<byte> sealedMaterial)
    {
        ArgumentNullException.ThrowIfNull(context);
        var blob = sealedMaterial.Span;
        if (blob.Length < HeaderSize + AeadSizes.Tag || blob[0] != FormatVersion)
        {
            throw new CryptographicException("Sealed key material has an unknown format.");
        }

        var length = blob.Length - HeaderSize - AeadSizes.Tag;
        var plain = new byte[length];
        try
        {
            using var aes = new AesGcm(rootKey.Span, AeadSizes.Tag);
            aes.Decrypt(
                blob.Slice(1, AeadSizes.Nonce),
                blob.Slice(HeaderSize, length),
                blob.Slice(HeaderSize + length, AeadSizes.Tag),
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
