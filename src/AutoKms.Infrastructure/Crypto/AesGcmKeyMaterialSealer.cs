using System.Security.Cryptography;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Cryptography;

namespace AutoKms.Infrastructure.Crypto;

/// <summary>
/// Seals key material with AES-256-GCM under the current root key of the <see cref="RootKeyRing"/>,
/// wherever that key is kept (<see cref="IRootKey"/>: in this process, or inside a PKCS#11 token),
/// and unseals under the current key, then (during a root-key rotation) the previous one. Blob layout:
/// <c>0x01 ‖ nonce(12) ‖ ciphertext ‖ tag(16)</c>; the associated data binds the key id, version,
/// algorithm and usage (<see cref="SealingContext"/>), so a sealed blob copied to another key or
/// version, or relabelled with another algorithm, fails to open.
/// </summary>
public sealed class AesGcmKeyMaterialSealer(RootKeyRing ring) : IKeyMaterialSealer
{
    /// <summary>A sealer with one root key (tools and tests).</summary>
    public AesGcmKeyMaterialSealer(IRootKey rootKey)
        : this(new RootKeyRing(rootKey, TimeProvider.System))
    {
    }

    private const byte FormatVersion = 1;
    private const int HeaderSize = 1 + AeadSizes.Nonce;

    public byte[] Seal(SealingContext context, KeyMaterial material)
    {
        ArgumentNullException.ThrowIfNull(material);
        return SealWith(ring.Current, context, material.Span);
    }

    public KeyMaterial Unseal(SealingContext context, ReadOnlyMemory<byte> sealedMaterial)
    {
        // The blob does not say which root sealed it (its format is unchanged); a failed GCM
        // check under the wrong root is cheap and proves nothing else.
        var keys = ring.ForUnsealing();
        for (var i = 0; ; i++)
        {
            try
            {
                return UnsealWith(keys[i], context, sealedMaterial.Span);
            }
            catch (AuthenticationTagMismatchException) when (i + 1 < keys.Count)
            {
                // sealed under the other root
            }
        }
    }

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
