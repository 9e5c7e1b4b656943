using AutoKms.Application.KeyVersions.Commands.UpdateKeyVersion;
using AutoKms.Application.KeyVersions.Commands.UpdateKeyVersions;

namespace AutoKms.Api.Contracts.KeyVersions;

/// <summary>The body of a bulk PATCH or PUT of versions: an array, each item naming its <c>id</c>; all or none apply.</summary>
public static class UpdateKeyVersionsRequest
{
    public static UpdateKeyVersionsCommand ToCommand(IReadOnlyList<UpdateKeyVersionRequest?> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var decoder = new WireDecoder();
        var versions = new List<UpdateKeyVersionCommand>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is { } item)
            {
                versions.Add(UpdateKeyVersionRequest.ToCommand(item, i, decoder));
            }
            else
            {
                decoder.Invalid($"[{i}]", "Each item must be a JSON object.");
            }
        }

        return new UpdateKeyVersionsCommand(versions) { DecodingFailures = decoder.Failures };
    }
}
