namespace AutoKms.Application.Common.Interfaces;

/// <summary>
/// Counts encryptions per key version cheaply: recorded in memory, persisted in batches. A crash
/// loses at most the batch not yet persisted, never more.
/// </summary>
public interface IEncryptionCounter
{
    void Record(Guid versionId, long count);

    /// <summary>Encryptions recorded for the version but not yet persisted.</summary>
    long Unpersisted(Guid versionId);

    Task FlushAsync(CancellationToken cancellationToken);
}
