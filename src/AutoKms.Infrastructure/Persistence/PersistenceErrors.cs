using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace AutoKms.Infrastructure.Persistence;

/// <summary>Which database errors mean "busy, retry" rather than a bug: the API answers them 503.</summary>
public static class PersistenceErrors
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static bool IsBusy(Exception exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked,
        DbException db => db.IsTransient,
        _ => false,
    };
}
