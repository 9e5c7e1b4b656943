using AutoKms.Application.Keys.Commands.CreateKey;
using AutoKms.Application.Keys.Commands.CreateKeys;

namespace AutoKms.Api.Contracts.Keys;

/// <summary>The body of a bulk create: a JSON array of keys, created atomically (all or none).</summary>
public static class CreateKeysRequest
{
    public static CreateKeysCommand ToCommand(IReadOnlyList<CreateKeyRequest?> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var decoder = new WireDecoder();
        var keys = new List<CreateKeyCommand>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is { } item)
            {
                keys.Add(item.ToCommand());
            }
            else
            {
                decoder.Invalid($"[{i}]", "Each item must be a JSON object.");
            }
        }

        return new CreateKeysCommand(keys) { DecodingFailures = decoder.Failures };
    }
}
