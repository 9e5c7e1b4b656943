using AutoKms.Application.Common.Exceptions;
using Microsoft.Data.Sqlite;

namespace AutoKms.Infrastructure.Persistence;

/// <summary>
/// Which SQLite errors mean "busy, retry" or "storage full / read-only" rather than a bug,
/// recognised by result code (never by message text) and turned into the Application's
/// <see cref="DatabaseBusyException"/> or <see cref="StorageUnavailableException"/> where a
/// request's database calls leave Infrastructure (<see cref="DbSession"/>).
/// </summary>
internal static class PersistenceErrors
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteReadOnly = 8;
    private const int SqliteFull = 13;

    /// <summary>SQLITE_BUSY or SQLITE_LOCKED (extended codes included): another connection held the lock past the wait.</summary>
    public static bool IsBusy(SqliteException exception) => exception.SqliteErrorCode is SqliteBusy or SqliteLocked;

    public static async Task<T> TranslateBusyAsync<T>(Func<Task<T>> work)
    {
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (SqliteException ex) when (IsBusy(ex))
        {
            throw new DatabaseBusyException(ex);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteFull)
        {
            throw StorageUnavailableException.Full(ex);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteReadOnly)
        {
            throw StorageUnavailableException.ReadOnly(ex);
        }
    }

    public static Task TranslateBusyAsync(Func<Task> work) =>
        TranslateBusyAsync(async () =>
        {
            await work().ConfigureAwait(false);
            return true;
        });
}
