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
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0 || !_core.TryAddReference(), this);
        return new KeyMaterial(_core);
    }

    /// <summary>
    /// Another handle, unless the material has been let go by every holder meanwhile (then it is
    /// zeroed and <c>false</c> is answered): for a cache whose entry may be dropped concurrently.
    /// </summary>
    public bool TryShare(out KeyMaterial? shared)
    {
        shared = Volatile.Read(ref _disposed) == 0 && _core.TryAddReference() ? new KeyMaterial(_core) : null;
        return shared is not null;
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

    /// <summary>
    /// The bytes and what was prepared from them, shared by every handle. The count of handles is
    /// kept without a lock (every request takes and lets go of one); it never rises again once it
    /// has reached zero, which is when the bytes are zeroed.
    /// </summary>
    private sealed class Core(byte[] bytes)
    {
        private readonly Lock _prepareLock = new();
        private int _references = 1;
        private IDisposable? _prepared;

        public byte[] Bytes { get; } = bytes;

        public bool TryAddReference()
        {
            var current = Volatile.Read(ref _references);
            while (current > 0)
            {
                var seen = Interlocked.CompareExchange(ref _references, current + 1, current);
                if (seen == current)
                {
                    return true;
                }

                current = seen;
            }

            return false;
        }

        public T Prepared<T>(Func<ReadOnlySpan<byte>, T> prepare)
            where T : class, IDisposable
        {
            if (Volatile.Read(ref _prepared) is T ready)
            {
                return ready;
            }

            lock (_prepareLock)
            {
                ObjectDisposedException.ThrowIf(Volatile.Read(ref _references) == 0, this);
                if (_prepared is T existing)
                {
                    return existing;
                }

                var made = prepare(Bytes);
                var replaced = _prepared;
                Volatile.Write(ref _prepared, made);
                replaced?.Dispose();
                return made;
            }
        }

        public void Release()
        {
            if (Interlocked.Decrement(ref _references) > 0)
            {
                return;
            }

            CryptographicOperations.ZeroMemory(Bytes);
            IDisposable? prepared;
            lock (_prepareLock)
            {
                prepared = _prepared;
                _prepared = null;
            }

            prepared?.Dispose();
        }
    }
}
