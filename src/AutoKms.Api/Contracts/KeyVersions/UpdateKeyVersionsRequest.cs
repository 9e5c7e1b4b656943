using AutoKms.Application.KeyVersions.Commands.UpdateKeyVersions;

namespace AutoKms.Api.Contracts.KeyVersions;

/// <summary>The body of a bulk PATCH or PUT of versions: an array, each item naming its <c>id</c>; all or none apply.</summary>
public static class UpdateKeyVersionsRequest
{
    public static UpdateKeyVersionsCommand ToCommand(IReadOnlyList<UpdateKeyVersionRequest?> items)
    {
        var decoder = new WireDecoder();
        var versions = BulkBody.Items(items, decoder, (item, i) => UpdateKeyVersionRequest.ToCommand(item, i, decoder));
        return new UpdateKeyVersionsCommand(versions) { DecodingFailures = decoder.Failures };
    }
}
