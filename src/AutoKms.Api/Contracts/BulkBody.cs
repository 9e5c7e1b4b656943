namespace AutoKms.Api.Contracts;

/// <summary>The items of a bulk body (a JSON array): each object becomes a command; a null item is recorded as undecodable.</summary>
public static class BulkBody
{
    public static List<TCommand> Items<TItem, TCommand>(IReadOnlyList<TItem?> items, WireDecoder decoder, Func<TItem, int, TCommand> toCommand)
        where TItem : class
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(decoder);
        ArgumentNullException.ThrowIfNull(toCommand);
        var commands = new List<TCommand>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is { } item)
            {
                commands.Add(toCommand(item, i));
            }
            else
            {
                decoder.Invalid($"[{i}]", "Each item must be a JSON object.");
            }
        }

        return commands;
    }
}
