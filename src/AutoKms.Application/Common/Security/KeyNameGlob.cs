using System.Text;

namespace AutoKms.Application.Common.Security;

/// <summary>
/// Key-name globs: <c>*</c> matches any run of characters (none included), <c>?</c> one character,
/// everything else itself, case-sensitively. <c>billing-*</c> matches <c>billing-a</c>, not <c>hr-a</c>.
/// </summary>
public static class KeyNameGlob
{
    public const int MaxLength = 120;

    public static bool IsValid(string? glob) => !string.IsNullOrEmpty(glob) && glob.Length <= MaxLength && !glob.Any(char.IsControl);

    /// <summary>Matches by Unicode code points (a <c>?</c> is one character, surrogate pairs included), as SQLite's GLOB does for lists.</summary>
    public static bool Matches(string glob, string name)
    {
        ArgumentNullException.ThrowIfNull(glob);
        ArgumentNullException.ThrowIfNull(name);
        return Matches(glob.EnumerateRunes().ToArray(), name.EnumerateRunes().ToArray());
    }

    private static bool Matches(Rune[] glob, Rune[] name)
    {
        var anyRun = new Rune('*');
        var one = new Rune('?');
        int g = 0, n = 0, star = -1, mark = 0;
        while (n < name.Length)
        {
            // A '*' is always a wildcard, even where the name has a '*' too.
            if (g < glob.Length && glob[g] != anyRun && (glob[g] == one || glob[g] == name[n]))
            {
                g++;
                n++;
            }
            else if (g < glob.Length && glob[g] == anyRun)
            {
                star = g++;
                mark = n;
            }
            else if (star >= 0)
            {
                g = star + 1;
                n = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (g < glob.Length && glob[g] == anyRun)
        {
            g++;
        }

        return g == glob.Length;
    }
}
