using System.Security.Cryptography;
using AutoKms.Application.Cryptography;

namespace AutoKms.Infrastructure.Crypto;

/// <summary>A 256-bit root key held in this process (from a file or the configuration). Zeroed on dispose.</summary>
public sealed class RootKey : IRootKey
{
    public const int Length = 32;

    private readonly byte[] _bytes;

    public RootKey(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length != Length)
        {
            CryptographicOperations.ZeroMemory(bytes);
            throw new InvalidOperationException($"The root key must be exactly {Length} bytes (256 bits).");
        }

        _bytes = bytes;
    }

    /// <summary>Where the key came from, for the start-up log (never the key itself).</summary>
    public string Source { get; init; } = "unknown";

    public ReadOnlySpan<byte> Span => _bytes;

    public byte[] Encrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        var output = new byte[plaintext.Length + AeadSizes.Tag];
        using var aes = new AesGcm(_bytes, AeadSizes.Tag);
        aes.Encrypt(nonce, plaintext, output.AsSpan(0, plaintext.Length), output.AsSpan(plaintext.Length), associatedData);
        return output;
    }

    public byte[] Decrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertextAndTag, ReadOnlySpan<byte> associatedData)
    {
        if (ciphertextAndTag.Length < AeadSizes.Tag)
        {
            throw new AuthenticationTagMismatchException();
        }

        var length = ciphertextAndTag.Length - AeadSizes.Tag;
        var plain = new byte[length];
        try
        {
            using var aes = new AesGcm(_bytes, AeadSizes.Tag);
            aes.Decrypt(nonce, ciphertextAndTag[..length], ciphertextAndTag[length..], plain, associatedData);
            return plain;
        }
        catch
        {
            CryptographicOperations.ZeroMemory(plain);
            throw;
        }
    }

    public void Dispose() => CryptographicOperations.ZeroMemory(_bytes);

    public override string ToString() => $"RootKey(from {Source}, [redacted])";
}
