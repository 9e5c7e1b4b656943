namespace AutoKms.Application.Common.Interfaces;

/// <summary>
/// Reservations against a key version's encryption limit. The count reserved lives in the
/// database, so the limit holds however many instances share it: an instance leases a block of
/// encryptions at a time (reading the count it compares and adding to it under one lock), then
/// spends it in memory. What an instance leased and did not use when it stops is never handed out
/// again, so a version may retire a little before its limit, never after.
/// </summary>
public interface IEncryptionLeases
{
    /// <summary>
    /// Takes <paramref name="count"/> encryptions from this instance's lease on the version,
    /// leasing more when it runs short; <c>false</c> when that would take the version past
    /// <paramref name="limit"/>, so the key must rotate first.
    /// </summary>
    ValueTask<bool> TryReserveAsync(Guid versionId, long count, long limit, CancellationToken cancellationToken);

    /// <summary>Gives back encryptions reserved and not made, for this instance's next requests.</summary>
    void GiveBack(Guid versionId, long count);
}
