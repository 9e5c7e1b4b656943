namespace AutoKms.Application.Common.Security;

/// <summary>
/// Key-name globs: <c>*</c> matches any run of characters (none included), <c>?</c> one character,
/// everything else itself, case-sensitively. <c>billing-*</c> matches <c>billing-a</c>, not <c>hr-a</c>.
/// </summary>
public static class KeyNameGlob
{
    public const int MaxLength = 120;

    public static bool IsValid(string? glob) => !string.IsNullOrEmpty(glob) && glob.Length <= MaxLength && !glob.Any(char.IsControl);

    public static bool Matches(string glob, string name)
    {
        ArgumentNullException.ThrowIfNull(glob);
        ArgumentNullException.ThrowIfNull(name);
        int g = 0, n = 0, star = -1, mark = 0;
        while (n < name.Length)
        {
            if (g < glob.Length && (glob[g] == '?' || glob[g] == name[n]))
            {
                g++;
                n++;
            }
            else if (g < glob.Length && glob[g] == '*')
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

        while (g < glob.Length && glob[g] == '*')
        {
            g++;
        }

        return g == glob.Length;
    }
}
