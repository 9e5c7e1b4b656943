using AutoKms.Application.Common.Exceptions;
using AutoKms.Domain.Keys;
using FluentValidation;
using FluentValidation.Results;

namespace AutoKms.Application.Cryptography;

/// <summary>
/// A ciphertext as a caller hands it back: either the seed's split fields (ciphertext, nonce, tag)
/// or the self-describing form's packed bytes (nonce ‖ ciphertext ‖ tag) with the version it names.
/// A caller passing the whole encrypt answer back also names the key (<c>kid</c>) and algorithm
/// (<c>alg</c>) that made it; both must match the key asked to decrypt.
/// </summary>
public sealed record EncryptedData(byte[]? Ciphertext, byte[]? Nonce, byte[]? Tag, byte[]? Packed = null, int? PackedVersion = null)
{
    public const string RequiredMessage = "'ciphertext_b64' (or the self-describing 'ciphertext') is required.";

    /// <summary>The key the encrypt answer named (<c>kid</c>), when the caller passed it back.</summary>
    public Guid? MadeByKey { get; init; }

    /// <summary>The algorithm the encrypt answer named (<c>alg</c>), when the caller passed it back.</summary>
    public string? MadeByAlgorithm { get; init; }

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

    /// <summary>
    /// Every version number this ciphertext and the request's <paramref name="requested"/> name,
    /// so the key can be loaded with them (a mismatch between the two is refused later, by
    /// <see cref="ResolveVersion"/>). None means the primary version.
    /// </summary>
    public IReadOnlyCollection<int> VersionsNamed(int? requested) => (PackedVersion, requested) switch
    {
        (null, null) => [],
        ({ } packed, null) => [packed],
        (null, { } asked) => [asked],
        ({ } packed, { } asked) => packed == asked ? [packed] : [packed, asked],
    };

    /// <summary>Refuses a ciphertext whose echoed <c>kid</c> or <c>alg</c> names another key or algorithm.</summary>
    public void EnsureMadeBy(Key key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (MadeByKey is { } kid && kid != key.Id)
        {
            throw Invalid("kid", "'kid' names another key than the one asked to decrypt.");
        }

        if (MadeByAlgorithm is { } alg && !string.Equals(alg, key.Algorithm.ToName(), StringComparison.Ordinal))
        {
            throw Invalid("alg", $"'alg' is {alg} but the key is {key.Algorithm.ToName()}.");
        }
    }

    /// <summary>The payload for this key's algorithm; AEAD packed bytes split as nonce ‖ ciphertext ‖ tag.</summary>
    public CipherPayload ToPayload(KeyAlgorithm algorithm)
    {
        var aead = KeyAlgorithmRules.IsAead(algorithm);
        if (Packed is null)
        {
            if (aead && Nonce is null)
            {
                throw Invalid("nonce_b64", $"'nonce_b64' is required for {algorithm.ToName()} keys.");
            }

            if (aead && Tag is null)
            {
                throw Invalid("tag_b64", $"'tag_b64' is required for {algorithm.ToName()} keys.");
            }

            return new CipherPayload(Nonce, Ciphertext ?? [], Tag);
        }

        if (!aead)
        {
            return new CipherPayload(null, Packed, null);
        }

        if (Packed.Length < AeadSizes.Nonce + AeadSizes.Tag)
        {
            throw new DecryptionFailedException();
        }

        return new CipherPayload(
            Packed[..AeadSizes.Nonce],
            Packed[AeadSizes.Nonce..^AeadSizes.Tag],
            Packed[^AeadSizes.Tag..]);
    }

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
