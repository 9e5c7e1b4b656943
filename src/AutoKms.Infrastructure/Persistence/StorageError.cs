namespace AutoKms.Infrastructure.Persistence;

/// <summary>
/// What a provider's error means to the service, whatever engine raised it. Each provider
/// recognises its own codes (<see cref="SqliteDatabase.Classify"/>, <see cref="PostgresDatabase.Classify"/>),
/// never message text; <see cref="PersistenceErrors"/> turns the kinds into the Application's exceptions.
/// </summary>
public enum StorageError
{
    /// <summary>Not a storage condition: a bug or a constraint the caller handles itself; passed on as it is.</summary>
    None,

    /// <summary>A unique index refused the row (SQLite 2067, PostgreSQL 23505).</summary>
    UniqueViolation,

    /// <summary>Another writer held a lock past the wait, or the engine chose this transaction to give way (retry).</summary>
    Busy,

    /// <summary>The storage is full (SQLite 13, PostgreSQL 53100).</summary>
    Full,

    /// <summary>The database refuses writes (SQLite 8, PostgreSQL 25006).</summary>
    ReadOnly,

    /// <summary>The database server cannot be reached or refused the connection (PostgreSQL only).</summary>
    Unavailable,
}
