using System.Text.Json;
using AutoKms.Api.Contracts.Cryptography;
using AutoKms.Api.Contracts.Keys;
using AutoKms.Api.Contracts.KeyVersions;
using AutoKms.Api.Contracts.Service;
using AutoKms.Api.Security;
using AutoKms.Application.Common.Security;
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

    private readonly Dictionary<string, (string IdName, string Policy, Method Run)> _methods = new(StringComparer.Ordinal)
    {
        ["Key.create"] = (KeyId, Scopes.KeysManage, async (c, t) => c.Params.ValueKind == JsonValueKind.Array
            ? await c.Mediator.Send(CreateKeysRequest.ToCommand(c.Whole<List<CreateKeyRequest?>>()), t)
            : await c.Mediator.Send(c.Body<CreateKeyRequest>().ToCommand(), t)),
        ["Key.list"] = (KeyId, Scopes.KeysRead, Only(["name", "status", "limit", "offset"], async (c, t) => await c.Mediator.Send(new ListKeysQuery(c.Text("name"), c.Text("status"), c.Number("limit") ?? ListKeysQuery.DefaultLimit, c.Number("offset") ?? 0), t))),
        ["Key.get"] = (KeyId, Scopes.KeysRead, Only(["id"], async (c, t) => await c.Mediator.Send(new GetKeyQuery(c.Id()), t))),
        ["Key.update"] = (KeyId, Scopes.KeysManage, async (c, t) => await c.Mediator.Send(c.Body<UpdateKeyRequest>().ToCommand(c.Id(), replace: false), t)),
        ["Key.replace"] = (KeyId, Scopes.KeysManage, async (c, t) => await c.Mediator.Send(c.Body<UpdateKeyRequest>().ToCommand(c.Id(), replace: true), t)),
        ["Key.delete"] = (KeyId, Scopes.KeysManage, Only(["id"], async (c, t) => await c.Mediator.Send(new DeleteKeysCommand([c.Id()]), t))),
        ["Key.rotate"] = (KeyId, Scopes.KeysManage, Only(["id"], async (c, t) => await c.Mediator.Send(new RotateKeyCommand(c.Id()), t))),
        ["Key.encrypt"] = (KeyId, Scopes.Encrypt, async (c, t) => EncryptResponse.From(await c.Mediator.Send(c.Body<EncryptRequest>().ToCommand(c.Id()), t))),
        ["Key.encrypt_batch"] = (KeyId, Scopes.Encrypt, async (c, t) => EncryptBatchResponse.From(await c.Mediator.Send(c.Body<EncryptBatchRequest>().ToCommand(c.Id()), t))),
        ["Key.decrypt"] = (KeyId, Scopes.Decrypt, async (c, t) => DecryptResponse.From(await c.Mediator.Send(c.Body<DecryptRequest>().ToCommand(c.Id()), t))),
        ["Key.decrypt_batch"] = (KeyId, Scopes.Decrypt, async (c, t) => DecryptBatchResponse.From(await c.Mediator.Send(c.Body<DecryptBatchRequest>().ToCommand(c.Id()), t))),
        ["Key.rewrap"] = (KeyId, Scopes.Encrypt, async (c, t) => EncryptResponse.From(await c.Mediator.Send(c.Body<DecryptRequest>().ToRewrapCommand(c.Id()), t))),
        ["Key.rewrap_batch"] = (KeyId, Scopes.Encrypt, async (c, t) => EncryptBatchResponse.From(await c.Mediator.Send(c.Body<DecryptBatchRequest>().ToRewrapCommand(c.Id()), t))),
        ["Key.wrap"] = (KeyId, Scopes.Encrypt, async (c, t) => WrapResponse.From(await c.Mediator.Send(c.Body<WrapRequest>().ToCommand(c.Id()), t))),
        ["Key.unwrap"] = (KeyId, Scopes.Decrypt, async (c, t) => UnwrapResponse.From(await c.Mediator.Send(c.Body<UnwrapRequest>().ToCommand(c.Id()), t))),
        ["Key.datakey"] = (KeyId, Scopes.Encrypt, async (c, t) => DataKeyResponse.From(await c.Mediator.Send(c.Body<DataKeyRequest>().ToCommand(c.Id()), t))),
        ["Key.sign"] = (KeyId, Scopes.Sign, async (c, t) => SignResponse.From(await c.Mediator.Send(c.Body<SignRequest>().ToCommand(c.Id()), t))),
        ["Key.verify"] = (KeyId, Scopes.Verify, async (c, t) => VerifyResponse.From(await c.Mediator.Send(c.Body<VerifyRequest>().ToCommand(c.Id()), t))),
        ["Key.mac"] = (KeyId, Scopes.Sign, async (c, t) => MacResponse.From(await c.Mediator.Send(c.Body<MacRequest>().ToCommand(c.Id()), t))),
        ["Key.verify_mac"] = (KeyId, Scopes.Verify, async (c, t) => VerifyResponse.From(await c.Mediator.Send(c.Body<VerifyMacRequest>().ToCommand(c.Id()), t))),
        ["Key.public_key"] = (KeyId, Scopes.Verify, Only(["id", "version"], async (c, t) => PublicKeyResponse.From(await c.Mediator.Send(new GetPublicKeyQuery(c.Id(), c.Number("version")), t)))),
        ["KeyVersion.create"] = (VersionId, Scopes.KeysManage, async (c, t) => await c.Mediator.Send(c.Body<CreateKeyVersionRequest>().ToCommand(), t)),
        ["KeyVersion.list"] = (VersionId, Scopes.KeysRead, Only(["key_id", "limit", "offset"], async (c, t) => await c.Mediator.Send(new ListKeyVersionsQuery(c.OptionalGuid("key_id"), c.Number("limit") ?? ListKeyVersionsQuery.DefaultLimit, c.Number("offset") ?? 0), t))),
        ["KeyVersion.get"] = (VersionId, Scopes.KeysRead, Only(["id"], async (c, t) => await c.Mediator.Send(new GetKeyVersionQuery(c.Id()), t))),
        ["KeyVersion.update"] = (VersionId, Scopes.KeysManage, async (c, t) => await c.Mediator.Send(c.Body<UpdateKeyVersionRequest>().ToCommand(c.Id()), t)),
        ["KeyVersion.delete"] = (VersionId, Scopes.KeysManage, Only(["id"], async (c, t) => await c.Mediator.Send(new DestroyKeyVersionCommand(c.Id()), t))),
        ["DeletedKey.list"] = (KeyId, Scopes.KeysRead, Only(["limit", "offset"], async (c, t) => await c.Mediator.Send(new ListDeletedKeysQuery(c.Number("limit") ?? ListDeletedKeysQuery.DefaultLimit, c.Number("offset") ?? 0), t))),
        ["DeletedKey.recover"] = (KeyId, Scopes.KeysManage, Only(["id"], async (c, t) => await c.Mediator.Send(new RecoverKeyCommand(c.Id()), t))),
        ["DeletedKey.purge"] = (KeyId, Scopes.KeysManage, Only(["id"], async (c, t) => await c.Mediator.Send(new PurgeKeyCommand(c.Id()), t))),
        ["Random.generate"] = (KeyId, SecurityDependencyInjection.AnyCaller, async (c, t) => RandomResponse.From(await c.Mediator.Send(c.Body<RandomRequest>().ToCommand(), t))),
        ["System.healthz"] = (KeyId, SecurityDependencyInjection.AnyCaller, Only([], async (c, t) => HealthResponse.From(await c.Mediator.Send(new CheckHealthQuery(), t)))),
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

    /// <summary>
    /// The method, what its <c>id</c> param names (for the message a malformed one gets) and the
    /// authorisation policy (scope) a call needs: the same as its REST route's.
    /// </summary>
    public bool TryGet(string name, out Method method, out string idName, out string policy)
    {
        var found = _methods.TryGetValue(name, out var entry);
        method = entry.Run;
        idName = entry.IdName ?? KeyId;
        policy = entry.Policy ?? SecurityDependencyInjection.AnyCaller;
        return found;
    }
}
