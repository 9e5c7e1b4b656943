namespace AutoKms.Application.Common.Interfaces;

/// <summary>A rotation in progress. Disposing it without completing leaves it resumable.</summary>
public interface IRootKeyRotation : IAsyncDisposable
{
    /// <summary>Where the new root key is kept (never the key).</summary>
    string NewRootKey { get; }

    /// <summary>Records the new root key as the database's; the old one is no longer needed.</summary>
    Task CompleteAsync(CancellationToken cancellationToken);
}
