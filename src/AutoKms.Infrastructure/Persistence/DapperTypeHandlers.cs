using System.Data;
using System.Globalization;
using Dapper;
using Npgsql;

namespace AutoKms.Infrastructure.Persistence;

/// <summary>
/// In SQLite, Guids and timestamps are stored as text (UUID "D" form, ISO 8601 UTC) so the database
/// stays readable with the sqlite3 shell and sorts timestamps correctly. In PostgreSQL they are
/// <c>uuid</c> and <c>timestamptz</c> (UTC, to the microsecond), sent as typed parameters. Dapper's
/// handlers are process-wide, so each one looks at the parameter's provider. Registered once at start-up.
/// </summary>
public static class DapperTypeHandlers
{
    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }

        DefaultTypeMap.MatchNamesWithUnderscores = true;

        // Dapper's built-in maps win over handlers for these types unless removed first.
        SqlMapper.RemoveTypeMap(typeof(Guid));
        SqlMapper.RemoveTypeMap(typeof(Guid?));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
        SqlMapper.AddTypeHandler(typeof(Guid), new GuidHandler());
        SqlMapper.AddTypeHandler(typeof(DateTimeOffset), new DateTimeOffsetHandler());
    }

    public static string Format(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    // ITypeHandler rather than TypeHandler<T>: a null (Guid?, DateTimeOffset?) comes here too, so
    // PostgreSQL gets its type (a bare NULL in "@x IS NULL" has none it could infer).
    private sealed class GuidHandler : SqlMapper.ITypeHandler
    {
        public void SetValue(IDbDataParameter parameter, object value)
        {
            if (parameter is NpgsqlParameter)
            {
                parameter.DbType = DbType.Guid;
                parameter.Value = value;
                return;
            }

            parameter.DbType = DbType.String;
            parameter.Value = value is Guid guid ? guid.ToString("D") : value;
        }

        public object Parse(Type destinationType, object value) => value switch
        {
            Guid guid => guid,
            string text => Guid.Parse(text),
            byte[] bytes => new Guid(bytes),
            _ => throw new DataException($"Cannot read a Guid from {value.GetType().Name}"),
        };
    }

    private sealed class DateTimeOffsetHandler : SqlMapper.ITypeHandler
    {
        public void SetValue(IDbDataParameter parameter, object value)
        {
            if (parameter is NpgsqlParameter)
            {
                // timestamptz takes UTC only; PostgreSQL keeps whole microseconds.
                parameter.DbType = DbType.DateTimeOffset;
                parameter.Value = value is DateTimeOffset time ? time.ToUniversalTime() : value;
                return;
            }

            parameter.DbType = DbType.String;
            parameter.Value = value is DateTimeOffset stored ? Format(stored) : value;
        }

        public object Parse(Type destinationType, object value) => value switch
        {
            DateTimeOffset offset => offset.ToUniversalTime(),
            DateTime utc => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)),
            _ => DateTimeOffset.Parse((string)value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        };
    }
}
