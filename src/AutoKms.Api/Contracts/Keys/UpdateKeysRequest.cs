using AutoKms.Application.Keys.Commands.UpdateKeys;

namespace AutoKms.Api.Contracts.Keys;

/// <summary>The body of a bulk PATCH or PUT: an array of key changes, each naming its <c>id</c>; all or none apply.</summary>
public static class UpdateKeysRequest
{
    public static UpdateKeysCommand ToCommand(IReadOnlyList<UpdateKeyRequest?> items, bool replace)
    {
        var decoder = new WireDecoder();
        var keys = BulkBody.Items(items, decoder, (item, i) => UpdateKeyRequest.ToCommand(item, i, replace, decoder));
        return new UpdateKeysCommand(keys) { DecodingFailures = decoder.Failures };
    }
}
