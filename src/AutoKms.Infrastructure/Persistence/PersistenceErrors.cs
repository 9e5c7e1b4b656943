using System.Diagnostics;
using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Common.Metrics;
using Microsoft.Data.Sqlite;

namespace AutoKms.Infrastructure.Persistence;

/// <summary>
/// Which SQLite errors mean "busy, retry" or "storage full / read-only" rather than a bug,
/// recognised by result code (never by message text) and turned into the Application's
/// <see cref="DatabaseBusyException"/> or <see cref="StorageUnavailableException"/> where a
/// request's database calls leave Infrastructure (<see cref="DbSession"/>). Being the one door of
/// every such call, it also times them in <c>autokms.db.operation.duration</c> when given the metrics.
/// </summary>
internal static class PersistenceErrors
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteReadOnly = 8;
    private const int SqliteFull = 13;

    /// <summary>SQLITE_BUSY or SQLITE_LOCKED (extended codes included): another connection held the lock past the wait.</summary>
    public static bool IsBusy(SqliteException exception) => exception.SqliteErrorCode is SqliteBusy or SqliteLocked;

    /// <param name="work">The database call.</param>
    /// <param name="metrics">Where its duration is recorded, if anywhere.</param>
    /// <param name="operation">begin, commit, rollback, read or write: the <c>operation</c> tag.</param>
    public static async Task<T> TranslateBusyAsync<T>(Func<Task<T>> work, KmsMetrics? metrics = null, string operation = "read")
    {
        var started = metrics is null ? 0 : Stopwatch.GetTimestamp();
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
        finally
        {
            metrics?.DbOperation(operation, started);
        }
    }

    public static Task TranslateBusyAsync(Func<Task> work, KmsMetrics? metrics = null, string operation = "write") =>
        TranslateBusyAsync(
            async () =>
            {
                await work().ConfigureAwait(false);
                return true;
            },
            metrics,
            operation);
}
