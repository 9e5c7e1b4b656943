using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.RootKeys;
using AutoKms.Infrastructure.Persistence;

namespace AutoKms.Infrastructure.Crypto;

/// <summary>
/// Root-key rotation over the <see cref="RootKeyRing"/> and the database's root-key check. One
/// rotation at a time per process; a rotation begun and not completed in this process keeps both
/// roots in the ring, so running it again with the same key resumes it.
/// </summary>
public sealed class RootKeyCustody(RootKeyRing ring, RootKeyLoader loader, RootKeyCheck check) : IRootKeyCustody, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private NewRootKey? _unfinished;

    public async Task<IRootKeyRotation> BeginRotationAsync(NewRootKey newRootKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(newRootKey);
        if (!await _gate.WaitAsync(TimeSpan.Zero, cancellationToken).ConfigureAwait(false))
        {
            throw new ConflictException("A root-key rotation is already running.");
        }

        try
        {
            var reference = Normalise(newRootKey);
            if (ring.IsRotating)
            {
                if (reference != _unfinished)
                {
                    throw new ConflictException($"A rotation to {ring.Current.Source} did not finish; run it again with that root key before rotating to another.");
                }
            }
            else
            {
                var next = loader.OpenForRotation(reference);
                try
                {
                    await check.PrepareRotationAsync(next, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    next.Dispose();
                    throw;
                }

                ring.BeginRotation(next);
                _unfinished = reference;
            }

            await check.AwaitEarlierWritesAsync(cancellationToken).ConfigureAwait(false);
            return new Rotation(this, ring.Current.Source);
        }
        catch
        {
            _gate.Release();
            throw;
        }
    }

    public void Dispose() => _gate.Dispose();

    private static NewRootKey Normalise(NewRootKey key) =>
        string.IsNullOrWhiteSpace(key.KeyFile) ? new NewRootKey(null, key.Pkcs11KeyLabel) : new NewRootKey(Path.GetFullPath(key.KeyFile), null);

    private async Task CompleteAsync(CancellationToken cancellationToken)
    {
        await check.CompleteRotationAsync(cancellationToken).ConfigureAwait(false);
        ring.CompleteRotation();
        _unfinished = null;
    }

    private sealed class Rotation(RootKeyCustody custody, string newRootKey) : IRootKeyRotation
    {
        private bool _released;

        public string NewRootKey { get; } = newRootKey;

        public Task CompleteAsync(CancellationToken cancellationToken) => custody.CompleteAsync(cancellationToken);

        public ValueTask DisposeAsync()
        {
            if (!_released)
            {
                _released = true;
                custody._gate.Release();
            }

            return ValueTask.CompletedTask;
        }
    }
}
