using AutoKms.Application.Common.Crypto;
using AutoKms.Application.Common.Exceptions;
using AutoKms.Domain.Keys;

namespace AutoKms.Application.Cryptography;

/// <summary>
/// A ciphertext as a caller hands it back: either the seed's split fields (ciphertext, nonce, tag)
/// or the self-describing form's packed bytes (nonce ‖ ciphertext ‖ tag) with the version it names.
/// </summary>
public sealed record EncryptedData(byte[]? Ciphertext, byte[]? Nonce, byte[]? Tag, byte[]? Packed = null, int? PackedVersion = null)
{
    public const string RequiredMessage = "'ciphertext_b64' (or the self-describing 'ciphertext') is required.";

    public const int AeadNonceSize = 12;
    public const int AeadTagSize = 16;

    /// <summary>Whether the caller sent a ciphertext in either form.</summary>
    public static bool IsPresent([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] EncryptedData? data) => data is not null && (data.Ciphertext is not null || data.Packed is not null);

    public static EncryptedData Split(byte[] ciphertext, byte[]? nonce, byte[]? tag) => new(ciphertext, nonce, tag);

    public static EncryptedData SelfDescribing(int version, byte[] packed) => new(null, null, null, packed, version);

    /// <summary>The version to decrypt with: the one the self-describing form names, else the request's, else primary.</summary>
    public int? ResolveVersion(int? requested)
    {
        if (PackedVersion is { } named && requested is { } asked && named != asked)
        {
            throw new InvalidRequestException($"version {asked} does not match the ciphertext's version {named}");
        }

        return PackedVersion ?? requested;
    }

    /// <summary>The payload for this key's algorithm; AEAD packed bytes split as nonce ‖ ciphertext ‖ tag.</summary>
    public CipherPayload ToPayload(KeyAlgorithm algorithm)
    {
        if (Packed is null)
        {
            return new CipherPayload(Nonce, Ciphertext ?? [], Tag);
        }

        if (!KeyAlgorithmRules.IsAead(algorithm))
        {
            return new CipherPayload(null, Packed, null);
        }

        if (Packed.Length < AeadNonceSize + AeadTagSize)
        {
            throw new DecryptionFailedException();
        }

        return new CipherPayload(
            Packed[..AeadNonceSize],
            Packed[AeadNonceSize..^AeadTagSize],
            Packed[^AeadTagSize..]);
    }
}
