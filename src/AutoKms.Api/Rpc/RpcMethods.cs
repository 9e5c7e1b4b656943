using System.Text.Json;
using AutoKms.Api.Contracts.Cryptography;
using AutoKms.Api.Contracts.Keys;
using AutoKms.Api.Contracts.KeyVersions;
using AutoKms.Api.Contracts.Service;
using AutoKms.Application.Cryptography.Queries.GetPublicKey;
using AutoKms.Application.DeletedKeys.Commands.PurgeKey;
using AutoKms.Application.DeletedKeys.Commands.RecoverKey;
using AutoKms.Application.DeletedKeys.Queries.ListDeletedKeys;
using AutoKms.Application.Health.Queries.CheckHealth;
using AutoKms.Application.Keys.Commands.DeleteKeys;
using AutoKms.Application.Keys.Commands.RotateKey;
using AutoKms.Application.Keys.Queries.GetKey;
using AutoKms.Application.Keys.Queries.ListKeys;
using AutoKms.Application.KeyVersions.Commands.DestroyKeyVersion;
using AutoKms.Application.KeyVersions.Queries.GetKeyVersion;
using AutoKms.Application.KeyVersions.Queries.ListKeyVersions;

namespace AutoKms.Api.Rpc;

/// <summary>
/// The JSON-RPC 2.0 methods. Each reads its <c>params</c> into the same wire contract as its REST
/// route (plus <c>id</c> for the key or version the route's path names), sends the contract's
/// command and answers the contract's response: the two transports share every translation.
/// </summary>
public sealed class RpcMethods
{
    public delegate Task<object?> Method(RpcCall call, CancellationToken cancellationToken);

    private const string KeyId = "key id";
    private const string VersionId = "key version id";

    private readonly Dictionary<string, (string IdName, Method Run)> _methods = new(StringComparer.Ordinal)
    {
        ["Key.create"] = (KeyId, async (c, t) => c.Params.ValueKind == JsonValueKind.Array
            ? await c.Mediator.Send(CreateKeysRequest.ToCommand(c.Whole<List<CreateKeyRequest?>>()), t)
            : await c.Mediator.Send(c.Body<CreateKeyRequest>().ToCommand(), t)),
        ["Key.list"] = (KeyId, Only(["name", "status", "limit", "offset"], async (c, t) => await c.Mediator.Send(new ListKeysQuery(c.Text("name"), c.Text("status"), c.Number("limit") ?? ListKeysQuery.DefaultLimit, c.Number("offset") ?? 0), t))),
        ["Key.get"] = (KeyId, Only(["id"], async (c, t) => await c.Mediator.Send(new GetKeyQuery(c.Id()), t))),
        ["Key.update"] = (KeyId, async (c, t) => await c.Mediator.Send(c.Body<UpdateKeyRequest>().ToCommand(c.Id(), replace: false), t)),
        ["Key.replace"] = (KeyId, async (c, t) => await c.Mediator.Send(c.Body<UpdateKeyRequest>().ToCommand(c.Id(), replace: true), t)),
        ["Key.delete"] = (KeyId, Only(["id"], async (c, t) => await c.Mediator.Send(new DeleteKeysCommand([c.Id()]), t))),
        ["Key.rotate"] = (KeyId, Only(["id"], async (c, t) => await c.Mediator.Send(new RotateKeyCommand(c.Id()), t))),
        ["Key.encrypt"] = (KeyId, async (c, t) => EncryptResponse.From(await c.Mediator.Send(c.Body<EncryptRequest>().ToCommand(c.Id()), t))),
        ["Key.encrypt_batch"] = (KeyId, async (c, t) => EncryptBatchResponse.From(await c.Mediator.Send(c.Body<EncryptBatchRequest>().ToCommand(c.Id()), t))),
        ["Key.decrypt"] = (KeyId, async (c, t) => DecryptResponse.From(await c.Mediator.Send(c.Body<DecryptRequest>().ToCommand(c.Id()), t))),
        ["Key.decrypt_batch"] = (KeyId, async (c, t) => DecryptBatchResponse.From(await c.Mediator.Send(c.Body<DecryptBatchRequest>().ToCommand(c.Id()), t))),
        ["Key.rewrap"] = (KeyId, async (c, t) => EncryptResponse.From(await c.Mediator.Send(c.Body<DecryptRequest>().ToRewrapCommand(c.Id()), t))),
        ["Key.rewrap_batch"] = (KeyId, async (c, t) => EncryptBatchResponse.From(await c.Mediator.Send(c.Body<DecryptBatchRequest>().ToRewrapCommand(c.Id()), t))),
        ["Key.wrap"] = (KeyId, async (c, t) => WrapResponse.From(await c.Mediator.Send(c.Body<WrapRequest>().ToCommand(c.Id()), t))),
        ["Key.unwrap"] = (KeyId, async (c, t) => UnwrapResponse.From(await c.Mediator.Send(c.Body<UnwrapRequest>().ToCommand(c.Id()), t))),
        ["Key.datakey"] = (KeyId, async (c, t) => DataKeyResponse.From(await c.Mediator.Send(c.Body<DataKeyRequest>().ToCommand(c.Id()), t))),
        ["Key.sign"] = (KeyId, async (c, t) => SignResponse.From(await c.Mediator.Send(c.Body<SignRequest>().ToCommand(c.Id()), t))),
        ["Key.verify"] = (KeyId, async (c, t) => VerifyResponse.From(await c.Mediator.Send(c.Body<VerifyRequest>().ToCommand(c.Id()), t))),
        ["Key.mac"] = (KeyId, async (c, t) => MacResponse.From(await c.Mediator.Send(c.Body<MacRequest>().ToCommand(c.Id()), t))),
        ["Key.verify_mac"] = (KeyId, async (c, t) => VerifyResponse.From(await c.Mediator.Send(c.Body<VerifyMacRequest>().ToCommand(c.Id()), t))),
        ["Key.public_key"] = (KeyId, Only(["id", "version"], async (c, t) => PublicKeyResponse.From(await c.Mediator.Send(new GetPublicKeyQuery(c.Id(), c.Number("version")), t)))),
        ["KeyVersion.create"] = (VersionId, async (c, t) => await c.Mediator.Send(c.Body<CreateKeyVersionRequest>().ToCommand(), t)),
        ["KeyVersion.list"] = (VersionId, Only(["key_id", "limit", "offset"], async (c, t) => await c.Mediator.Send(new ListKeyVersionsQuery(c.OptionalGuid("key_id"), c.Number("limit") ?? ListKeyVersionsQuery.DefaultLimit, c.Number("offset") ?? 0), t))),
        ["KeyVersion.get"] = (VersionId, Only(["id"], async (c, t) => await c.Mediator.Send(new GetKeyVersionQuery(c.Id()), t))),
        ["KeyVersion.update"] = (VersionId, async (c, t) => await c.Mediator.Send(c.Body<UpdateKeyVersionRequest>().ToCommand(c.Id()), t)),
        ["KeyVersion.delete"] = (VersionId, Only(["id"], async (c, t) => await c.Mediator.Send(new DestroyKeyVersionCommand(c.Id()), t))),
        ["DeletedKey.list"] = (KeyId, Only(["limit", "offset"], async (c, t) => await c.Mediator.Send(new ListDeletedKeysQuery(c.Number("limit") ?? ListDeletedKeysQuery.DefaultLimit, c.Number("offset") ?? 0), t))),
        ["DeletedKey.recover"] = (KeyId, Only(["id"], async (c, t) => await c.Mediator.Send(new RecoverKeyCommand(c.Id()), t))),
        ["DeletedKey.purge"] = (KeyId, Only(["id"], async (c, t) => await c.Mediator.Send(new PurgeKeyCommand(c.Id()), t))),
        ["Random.generate"] = (KeyId, async (c, t) => RandomResponse.From(await c.Mediator.Send(c.Body<RandomRequest>().ToCommand(), t))),
        ["System.healthz"] = (KeyId, Only([], async (c, t) => HealthResponse.From(await c.Mediator.Send(new CheckHealthQuery(), t)))),
    };

    /// <summary>
    /// A method whose REST route has no body reads only the named params (the path id and query
    /// parameters); any other member is refused as REST bodies refuse unknown fields.
    /// </summary>
    private static Method Only(string[] names, Method run) => (call, cancellationToken) =>
    {
        call.EnsureOnly(names);
        return run(call, cancellationToken);
    };

    public IReadOnlyList<string> Names => [.. _methods.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The method, and what its <c>id</c> param names (for the message a malformed one gets).</summary>
    public bool TryGet(string name, out Method method, out string idName)
    {
        var found = _methods.TryGetValue(name, out var entry);
        method = entry.Run;
        idName = entry.IdName ?? KeyId;
        return found;
    }
}
