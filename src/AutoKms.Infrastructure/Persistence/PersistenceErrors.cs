using AutoKms.Application.Common.Exceptions;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AutoKms.Infrastructure.Persistence;

/// <summary>
/// Which provider errors mean "busy, retry", "storage full / read-only / unreachable" or "a unique
/// index refused the row" rather than a bug, recognised by each provider's codes (never by message
/// text: <see cref="SqliteDatabase.Classify"/>, <see cref="PostgresDatabase.Classify"/>) and turned
/// into the Application's <see cref="DatabaseBusyException"/> or <see cref="StorageUnavailableException"/>
/// where a request's database calls leave Infrastructure (<see cref="DbSession"/>).
/// </summary>
internal static class PersistenceErrors
{
    public static StorageError Classify(Exception exception) => exception switch
    {
        SqliteException sqlite => SqliteDatabase.Classify(sqlite),
        NpgsqlException npgsql => PostgresDatabase.Classify(npgsql),
        _ => StorageError.None,
    };

    /// <summary>Another connection held a lock past the wait, or the engine gave this transaction up (retry).</summary>
    public static bool IsBusy(Exception exception) => Classify(exception) == StorageError.Busy;

    /// <summary>A unique index refused the row: which one, the statement that failed says.</summary>
    public static bool IsUniqueViolation(Exception exception) => Classify(exception) == StorageError.UniqueViolation;

    public static async Task<T> TranslateBusyAsync<T>(Func<Task<T>> work)
    {
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (Exception ex) when (Classify(ex) is StorageError.Busy)
        {
            throw new DatabaseBusyException(ex);
        }
        catch (Exception ex) when (Classify(ex) is StorageError.Full)
        {
            throw StorageUnavailableException.Full(ex);
        }
        catch (Exception ex) when (Classify(ex) is StorageError.ReadOnly)
        {
            throw StorageUnavailableException.ReadOnly(ex);
        }
        catch (Exception ex) when (Classify(ex) is StorageError.Unavailable)
        {
            throw StorageUnavailableException.Unreachable(ex);
        }
    }

    public static Task TranslateBusyAsync(Func<Task> work) =>
        TranslateBusyAsync(async () =>
        {
            await work().ConfigureAwait(false);
            return true;
        });
}
