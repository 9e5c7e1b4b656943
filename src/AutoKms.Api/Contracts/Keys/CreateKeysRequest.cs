using AutoKms.Application.Keys.Commands.CreateKeys;

namespace AutoKms.Api.Contracts.Keys;

/// <summary>The body of a bulk create: a JSON array of keys, created atomically (all or none).</summary>
public static class CreateKeysRequest
{
    public static CreateKeysCommand ToCommand(IReadOnlyList<CreateKeyRequest?> items)
    {
        var decoder = new WireDecoder();
        var keys = BulkBody.Items(items, decoder, (item, _) => item.ToCommand());
        return new CreateKeysCommand(keys) { DecodingFailures = decoder.Failures };
    }
}
