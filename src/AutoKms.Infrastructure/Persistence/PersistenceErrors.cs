using System.Diagnostics;
using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Common.Metrics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AutoKms.Infrastructure.Persistence;

/// <summary>
/// Which provider errors mean "busy, retry", "storage full / read-only / unreachable" or "a unique
/// index refused the row" rather than a bug, recognised by each provider's codes (never by message
/// text: <see cref="SqliteDatabase.Classify"/>, <see cref="PostgresDatabase.Classify"/>) and turned
/// into the Application's <see cref="DatabaseBusyException"/> or <see cref="StorageUnavailableException"/>
/// where a request's database calls leave Infrastructure (<see cref="DbSession"/>). Being the one
/// door of every such call, it also times them in <c>autokms.db.operation.duration</c> when given the metrics.
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
