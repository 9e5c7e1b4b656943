using System.Security.Cryptography;

namespace AutoKms.Application.Cryptography;

/// <summary>
/// Key material in the clear. Each instance is one holder's handle: disposing it lets go, and
/// the bytes are zeroed (and any prepared cipher objects disposed) when the last handle of the
/// material is disposed. <see cref="Share"/> hands out another handle, which is how the material
/// cache lends material to requests without one request's dispose zeroing it under another.
/// <see cref="ToString"/> never shows the bytes.
/// </summary>
public sealed class KeyMaterial : IDisposable
{
    private readonly Core _core;
    private int _disposed;

    /// <summary>Takes ownership of <paramref name="bytes"/>: they are zeroed when the last handle is disposed.</summary>
    public KeyMaterial(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        _core = new Core(bytes);
    }

    private KeyMaterial(Core core) => _core = core;

    public int Length => _core.Bytes.Length;

    public ReadOnlySpan<byte> Span
    {
        get
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            return _core.Bytes;
        }
    }

    /// <summary>Another handle on the same material; it must be disposed too.</summary>
    public KeyMaterial Share()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        _core.AddReference();
        return new KeyMaterial(_core);
    }

    /// <summary>
    /// The object the crypto provider prepared from this material (an <c>AesGcm</c> pool, an
    /// imported RSA or EC key), made once by <paramref name="prepare"/> and kept as long as the
    /// material, then disposed with it. Lets cached material skip the key import on every call.
    /// </summary>
    public T Prepared<T>(Func<ReadOnlySpan<byte>, T> prepare)
        where T : class, IDisposable
    {
        ArgumentNullException.ThrowIfNull(prepare);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return _core.Prepared(prepare);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _core.Release();
        }
    }

    public override string ToString() => "KeyMaterial([redacted])";

    private sealed class Core(byte[] bytes)
    {
        private readonly Lock _lock = new();
        private int _references = 1;
        private IDisposable? _prepared;

        public byte[] Bytes { get; } = bytes;

        public void AddReference()
        {
            lock (_lock)
            {
                ObjectDisposedException.ThrowIf(_references == 0, this);
                _references++;
            }
        }

        public T Prepared<T>(Func<ReadOnlySpan<byte>, T> prepare)
            where T : class, IDisposable
        {
            lock (_lock)
            {
                ObjectDisposedException.ThrowIf(_references == 0, this);
                if (_prepared is T existing)
                {
                    return existing;
                }

                var made = prepare(Bytes);
                _prepared?.Dispose();
                _prepared = made;
                return made;
            }
        }

        public void Release()
        {
            IDisposable? prepared;
            lock (_lock)
            {
                if (--_references > 0)
                {
                    return;
                }

                prepared = _prepared;
                _prepared = null;
                CryptographicOperations.ZeroMemory(Bytes);
            }

            prepared?.Dispose();
        }
    }
}
