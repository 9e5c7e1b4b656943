namespace AutoKms.Infrastructure.Persistence;

/// <summary>
/// The change feed's writing side: the statement every key and token write appends in its own
/// transaction, stamped with this instance's <see cref="Origin"/>. The instance that made a
/// change has dropped its own cached copy already (after its commit), so its watcher skips its
/// own rows and only other instances act on them.
/// </summary>
public sealed class ChangeFeed
{
    public const string KeyChangedSql = "INSERT INTO changes (kind, subject, origin) VALUES ('key', @Subject, @Origin)";

    public const string TokenChangedSql = "INSERT INTO changes (kind, subject, origin) VALUES ('token', @Subject, @Origin)";

    public const string VersionResealedSql = "INSERT INTO changes (kind, subject, origin) SELECT 'key', key_id, @Origin FROM key_versions WHERE id = @Subject";

    /// <summary>This process, for as long as it runs.</summary>
    public string Origin { get; } = Guid.NewGuid().ToString("N");

    public object Row(Guid subject) => new { Subject = subject, Origin };
}
