using System.Collections.Concurrent;
using AutoKms.Application.Cryptography;

namespace AutoKms.Infrastructure.Crypto;

/// <summary>
/// Cipher objects made from one key material (<c>AesGcm</c>, <c>ChaCha20Poly1305</c>, an imported
/// <c>RSA</c> or <c>ECDsa</c>), kept with the material (<see cref="KeyMaterial.Prepared{T}"/>) so a
/// cached key is imported once, not on every call. None of these types promises to be safe for
/// concurrent use, so each call rents one for itself and gives it back; at most
/// <see cref="Capacity"/> wait idle. Disposed with the material: every idle object is disposed
/// then, and one given back afterwards is disposed on return.
/// </summary>
internal sealed class PreparedPool<T> : IDisposable
    where T : class, IDisposable
{
    private static readonly int Capacity = Math.Max(2, Environment.ProcessorCount * 2);

    private readonly ConcurrentBag<T> _idle = [];
    private int _disposed;

    /// <summary>An object of the pool's, or a new one made from <paramref name="material"/>.</summary>
    public T Rent(KeyMaterial material, Func<KeyMaterial, T> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        return _idle.TryTake(out var idle) ? idle : create(material);
    }

    public void Return(T item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (Volatile.Read(ref _disposed) != 0 || _idle.Count >= Capacity)
        {
            item.Dispose();
            return;
        }

        _idle.Add(item);

        // Disposed meanwhile: nobody else will take it out.
        if (Volatile.Read(ref _disposed) != 0 && _idle.TryTake(out var late))
        {
            late.Dispose();
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        while (_idle.TryTake(out var item))
        {
            item.Dispose();
        }
    }
}
