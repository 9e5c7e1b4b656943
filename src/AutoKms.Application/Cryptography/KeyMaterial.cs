using System.Security.Cryptography;

namespace AutoKms.Application.Cryptography;

/// <summary>
/// Key material in the clear, for the few microseconds an operation needs it. Disposing zeroes it;
/// <see cref="ToString"/> never shows it.
/// </summary>
public sealed class KeyMaterial : IDisposable
{
    private readonly byte[] _bytes;
    private bool _disposed;

    /// <summary>Takes ownership of <paramref name="bytes"/>: they are zeroed on dispose.</summary>
    public KeyMaterial(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        _bytes = bytes;
    }

    public int Length => _bytes.Length;

    public ReadOnlySpan<byte> Span
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _bytes;
        }
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            CryptographicOperations.ZeroMemory(_bytes);
            _disposed = true;
        }
    }

    public override string ToString() => "KeyMaterial([redacted])";
}
