namespace AutoKms.Infrastructure.Persistence;

/// <summary>
/// The change feed's writing side: the statement every key and token write appends in its own
/// transaction, stamped with this instance's <see cref="Origin"/>. The instance that made a
/// change has dropped its own cached copy already (after its commit), so its watcher skips its
/// own rows and only other instances act on them. Repositories hand their rows to
/// <see cref="DbSession.AppendChange"/>, which writes them just before the commit.
/// <para>
/// The watcher reads rows after the last <c>seq</c> it saw, so <c>seq</c> order must be commit
/// order. SQLite's writers take turns, so it is. On PostgreSQL a sequence hands out numbers as
/// transactions ask, not as they commit: there the session first locks the table against other
/// writers of the feed (<see cref="LockPostgresSql"/>; readers unaffected) and commits right after
/// its inserts, so the next number goes to a transaction that writes after this one is visible,
/// and the lock is held for no more than the commit (no other lock is waited for while holding it).
/// </para>
/// </summary>
public sealed class ChangeFeed
{
    public const string KeyChangedSql = "INSERT INTO changes (kind, subject, origin) VALUES ('key', @Subject, @Origin)";

    public const string TokenChangedSql = "INSERT INTO changes (kind, subject, origin) VALUES ('token', @Subject, @Origin)";

    public const string VersionResealedSql = "INSERT INTO changes (kind, subject, origin) SELECT 'key', key_id, @Origin FROM key_versions WHERE id = @Subject";

    public const string LockPostgresSql = "LOCK TABLE changes IN EXCLUSIVE MODE";

    /// <summary>This process, for as long as it runs.</summary>
    public string Origin { get; } = Guid.NewGuid().ToString("N");

    public object Row(Guid subject) => new { Subject = subject, Origin };
}
