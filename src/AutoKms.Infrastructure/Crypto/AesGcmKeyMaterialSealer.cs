using System.Security.Cryptography;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Cryptography;

namespace AutoKms.Infrastructure.Crypto;

/// <summary>
/// Seals key material with AES-256-GCM under the root key, wherever that key is kept
/// (<see cref="IRootKey"/>: in this process, or inside a PKCS#11 token). Blob layout:
/// <c>0x01 ‖ nonce(12) ‖ ciphertext ‖ tag(16)</c>; the associated data binds the key id, version,
/// algorithm and usage (<see cref="SealingContext"/>), so a sealed blob copied to another key or
/// version, or relabelled with another algorithm, fails to open.
/// </summary>
public sealed class AesGcmKeyMaterialSealer(IRootKey rootKey) : IKeyMaterialSealer
{
    private const byte FormatVersion = 1;
    private const int HeaderSize = 1 + AeadSizes.Nonce;

    public byte[] Seal(SealingContext context, KeyMaterial material)
    {
        ArgumentNullException.ThrowIfNull(material);
        return SealWith(rootKey, context, material.Span);
    }

    public KeyMaterial Unseal(SealingContext context, ReadOnlyMemory<byte> sealedMaterial) => UnsealWith(rootKey, context, sealedMaterial.Span);

    /// <summary>Seals under the given root key (the root-key check and rotation name the key).</summary>
    public static byte[] SealWith(IRootKey rootKey, SealingContext context, ReadOnlySpan<byte> material)
    {
        ArgumentNullException.ThrowIfNull(rootKey);
        ArgumentNullException.ThrowIfNull(context);
        Span<byte> nonce = stackalloc byte[AeadSizes.Nonce];
        RandomNumberGenerator.Fill(nonce);
        var body = rootKey.Encrypt(nonce, material, context.AssociatedData());
        var sealedBlob = new byte[HeaderSize + body.Length];
        sealedBlob[0] = FormatVersion;
        nonce.CopyTo(sealedBlob.AsSpan(1));
        body.CopyTo(sealedBlob.AsSpan(HeaderSize));
        return sealedBlob;
    }

    /// <summary>Opens a blob under the given root key; a CryptographicException if it does not authenticate.</summary>
    public static KeyMaterial UnsealWith(IRootKey rootKey, SealingContext context, ReadOnlySpan<byte> blob)
    {
        ArgumentNullException.ThrowIfNull(rootKey);
        ArgumentNullException.ThrowIfNull(context);
        if (blob.Length < HeaderSize + AeadSizes.Tag || blob[0] != FormatVersion)
        {
            throw new CryptographicException("Sealed key material has an unknown format.");
        }

        return new KeyMaterial(rootKey.Decrypt(blob.Slice(1, AeadSizes.Nonce), blob[HeaderSize..], context.AssociatedData()));
    }
}
