namespace AutoKms.Infrastructure.Persistence;

/// <summary>
/// Counts of the database work this instance does, by who does it: the statements requests run
/// through their <see cref="DbSession"/>, and the leases of encryptions taken from version limits.
/// The hot path's promise — no query in the steady state — is checked against these.
/// </summary>
public sealed class DatabaseActivity
{
    private long _sessionCommands;
    private long _leaseRequests;
    private long _changeFeedPolls;
    private long _versionRowsLoaded;
    private long _keyCreationCommits;

    /// <summary>Reads and writes requests (and background jobs) ran through a <see cref="DbSession"/>.</summary>
    public long SessionCommands => Interlocked.Read(ref _sessionCommands);

    /// <summary>Times an instance went to the database for more encryptions of a version.</summary>
    public long LeaseRequests => Interlocked.Read(ref _leaseRequests);

    /// <summary>Reads of the change feed (in the background, never on a request's path).</summary>
    public long ChangeFeedPolls => Interlocked.Read(ref _changeFeedPolls);

    /// <summary>Key version rows read from storage (with their sealed material).</summary>
    public long VersionRowsLoaded => Interlocked.Read(ref _versionRowsLoaded);

    internal void VersionRowsRead(int count) => Interlocked.Add(ref _versionRowsLoaded, count);

    /// <summary>Transactions the group-committed key store committed (each holding one or more requests' new keys).</summary>
    public long KeyCreationCommits => Interlocked.Read(ref _keyCreationCommits);

    internal void KeyCreationCommit() => Interlocked.Increment(ref _keyCreationCommits);

    internal void SessionCommand() => Interlocked.Increment(ref _sessionCommands);

    internal void LeaseRequest() => Interlocked.Increment(ref _leaseRequests);

    internal void ChangeFeedPoll() => Interlocked.Increment(ref _changeFeedPolls);
}
