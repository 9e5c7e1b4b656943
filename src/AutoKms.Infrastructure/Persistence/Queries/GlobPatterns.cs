using System.Text;

namespace AutoKms.Infrastructure.Persistence.Queries;

/// <summary>
/// Key-name globs (<c>KeyNameGlob</c>: <c>*</c> any run, <c>?</c> one code point, everything else
/// itself, case-sensitively) as each provider's pattern, so a list filtered in SQL keeps exactly
/// the names <c>KeyNameGlob.Matches</c> would.
/// </summary>
internal static class GlobPatterns
{
    /// <summary>
    /// SQLite GLOB: the same <c>*</c> and <c>?</c>, by code point; a literal <c>[</c> is written
    /// <c>[[]</c> since GLOB gives it a meaning (a lone <c>]</c> is literal).
    /// </summary>
    public static string ToSqliteGlob(string glob)
    {
        ArgumentNullException.ThrowIfNull(glob);
        return glob.Replace("[", "[[]", StringComparison.Ordinal);
    }

    /// <summary>
    /// PostgreSQL LIKE with <c>ESCAPE '\'</c>: <c>*</c> becomes <c>%</c>, <c>?</c> becomes <c>_</c>
    /// (one character, which in a UTF-8 database is one code point), and LIKE's own <c>%</c>,
    /// <c>_</c> and <c>\</c> are escaped. LIKE is case-sensitive and, under a deterministic
    /// collation, compares characters exactly.
    /// </summary>
    public static string ToPostgresLike(string glob)
    {
        ArgumentNullException.ThrowIfNull(glob);
        var pattern = new StringBuilder(glob.Length + 8);
        // Only ASCII characters are special, so going by UTF-16 unit copies every other code point
        // (surrogate pairs included) unchanged.
        foreach (var c in glob)
        {
            switch (c)
            {
                case '*':
                    pattern.Append('%');
                    break;
                case '?':
                    pattern.Append('_');
                    break;
                case '%' or '_' or '\\':
                    pattern.Append('\\').Append(c);
                    break;
                default:
                    pattern.Append(c);
                    break;
            }
        }

        return pattern.ToString();
    }
}
