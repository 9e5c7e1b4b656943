using AutoKms.Application.Keys.Commands.UpdateKey;
using AutoKms.Application.Keys.Commands.UpdateKeys;

namespace AutoKms.Api.Contracts.Keys;

/// <summary>The body of a bulk PATCH or PUT: an array of key changes, each naming its <c>id</c>; all or none apply.</summary>
public static class UpdateKeysRequest
{
    public static UpdateKeysCommand ToCommand(IReadOnlyList<UpdateKeyRequest?> items, bool replace)
    {
        ArgumentNullException.ThrowIfNull(items);
        var decoder = new WireDecoder();
        var keys = new List<UpdateKeyCommand>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is { } item)
            {
                keys.Add(UpdateKeyRequest.ToCommand(item, i, replace, decoder));
            }
            else
            {
                decoder.Invalid($"[{i}]", "Each item must be a JSON object.");
            }
        }

        return new UpdateKeysCommand(keys) { DecodingFailures = decoder.Failures };
    }
}
