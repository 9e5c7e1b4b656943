using System.Security.Cryptography;

namespace AutoKms.Infrastructure.Crypto;

/// <summary>The 256-bit root key every version's material is sealed under. Zeroed on dispose.</summary>
public sealed class RootKey : IDisposable
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

    public void Dispose() => CryptographicOperations.ZeroMemory(_bytes);

    public override string ToString() => $"RootKey(from {Source}, [redacted])";
}
