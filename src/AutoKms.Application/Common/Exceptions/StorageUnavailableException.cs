namespace AutoKms.Application.Common.Exceptions;

/// <summary>
/// The database refused a write because the storage is full or read-only: nothing was changed,
/// and writes work again once space (or write access) returns, without a restart. Or the database
/// server cannot be reached at all (PostgreSQL). The API answers 503 saying which; with a full or
/// read-only database, reads and crypto on keys already stored keep working.
/// </summary>
public sealed class StorageUnavailableException(string message, Exception innerException) : Exception(message, innerException)
{
    public static StorageUnavailableException Full(Exception inner) =>
        new("The database storage is full: nothing was changed; writes work again once space is freed.", inner);

    public static StorageUnavailableException ReadOnly(Exception inner) =>
        new("The database is read-only: nothing was changed; writes work again once it is writable.", inner);

    public static StorageUnavailableException Unreachable(Exception inner) =>
        new("The database cannot be reached; retry the request once it is back.", inner);
}
