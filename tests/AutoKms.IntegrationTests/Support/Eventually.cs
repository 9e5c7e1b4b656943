namespace AutoKms.IntegrationTests.Support;

/// <summary>For what one instance must see of another's change within a bound, not at once.</summary>
public static class Eventually
{
    /// <summary>Whether <paramref name="condition"/> holds at some check within one second (checked every 25 ms, and once more at the end).</summary>
    public static async Task<bool> WithinASecondAsync(Func<Task<bool>> condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var until = DateTime.UtcNow.AddSeconds(1);
        do
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(25);
        }
        while (DateTime.UtcNow < until);
        return await condition();
    }
}
