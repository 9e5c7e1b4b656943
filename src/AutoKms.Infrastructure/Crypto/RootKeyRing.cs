namespace AutoKms.Infrastructure.Crypto;

/// <summary>
/// The root keys the sealer may use: the current one, which seals; during a root-key rotation
/// also the previous one, which still unseals what is not re-sealed yet; and for a minute after a
/// rotation the retired one, for requests that read a blob just before it was re-sealed. Owns
/// the keys and disposes them.
/// </summary>
public sealed class RootKeyRing(IRootKey current, TimeProvider clock) : IDisposable
{
    /// <summary>How long a retired root key still unseals after a rotation completes.</summary>
    public static readonly TimeSpan RetiredKeyGrace = TimeSpan.FromMinutes(1);

    private readonly Lock _lock = new();
    private IRootKey _current = current;
    private IRootKey? _previous;
    private DateTimeOffset? _retiredUntil;

    public IRootKey Current
    {
        get
        {
            lock (_lock)
            {
                return _current;
            }
        }
    }

    /// <summary>True between <see cref="BeginRotation"/> and <see cref="CompleteRotation"/>.</summary>
    public bool IsRotating
    {
        get
        {
            lock (_lock)
            {
                return _previous is not null && _retiredUntil is null;
            }
        }
    }

    /// <summary>The keys that may open a blob, the current one first.</summary>
    public IReadOnlyList<IRootKey> ForUnsealing()
    {
        lock (_lock)
        {
            DropRetiredIfDue();
            return _previous is null ? [_current] : [_current, _previous];
        }
    }

    /// <summary>From now on <paramref name="next"/> seals, and both it and the current key unseal.</summary>
    public void BeginRotation(IRootKey next)
    {
        ArgumentNullException.ThrowIfNull(next);
        lock (_lock)
        {
            if (_previous is not null && _retiredUntil is null)
            {
                throw new InvalidOperationException("A root-key rotation is already in progress.");
            }

            _previous?.Dispose();
            _previous = _current;
            _current = next;
            _retiredUntil = null;
        }
    }

    /// <summary>The previous key is retired: it unseals for <see cref="RetiredKeyGrace"/> more, then it is disposed.</summary>
    public void CompleteRotation()
    {
        lock (_lock)
        {
            _retiredUntil = clock.GetUtcNow() + RetiredKeyGrace;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _previous?.Dispose();
            _previous = null;
            _current.Dispose();
        }
    }

    private void DropRetiredIfDue()
    {
        if (_previous is not null && _retiredUntil is { } until && clock.GetUtcNow() >= until)
        {
            _previous.Dispose();
            _previous = null;
            _retiredUntil = null;
        }
    }
}
