using System.Text.Json;
using AutoKms.Api.Contracts;
using AutoKms.Api.Operations;

namespace AutoKms.Api.Rpc;

/// <summary>
/// The JSON-RPC 2.0 methods: each reads its <c>params</c> (the REST body, plus <c>id</c> for the
/// key or version it acts on) and runs the same <see cref="KmsOperations"/> the REST routes run.
/// </summary>
public sealed class RpcMethods
{
    public delegate Task<object?> Method(RpcCall call, CancellationToken cancellationToken);

    private readonly Dictionary<string, Method> _methods = new(StringComparer.Ordinal)
    {
        ["Key.create"] = async (c, t) => (await c.Operations.CreateKeyAsync(c.Params, t)).Body,
        ["Key.list"] = async (c, t) => await c.Operations.ListKeysAsync(c.Text("name"), c.Text("status"), c.Number("limit"), c.Number("offset"), t),
        ["Key.get"] = async (c, t) => await c.Operations.GetKeyAsync(c.KeyId(), t),
        ["Key.update"] = async (c, t) => await c.Operations.UpdateKeyAsync(c.KeyId(), c.Body<UpdateKeyRequest>(), replace: false, t),
        ["Key.replace"] = async (c, t) => await c.Operations.UpdateKeyAsync(c.KeyId(), c.Body<UpdateKeyRequest>(), replace: true, t),
        ["Key.delete"] = async (c, t) => await c.Operations.DeleteKeyAsync(c.KeyId(), t),
        ["Key.rotate"] = async (c, t) => await c.Operations.RotateKeyAsync(c.KeyId(), t),
        ["Key.encrypt"] = async (c, t) => await c.Operations.EncryptAsync(c.KeyId(), c.Body<EncryptRequest>(), t),
        ["Key.decrypt"] = async (c, t) => await c.Operations.DecryptAsync(c.KeyId(), c.Body<DecryptRequest>(), t),
        ["Key.wrap"] = async (c, t) => await c.Operations.WrapAsync(c.KeyId(), c.Body<WrapRequest>(), t),
        ["Key.unwrap"] = async (c, t) => await c.Operations.UnwrapAsync(c.KeyId(), c.Body<UnwrapRequest>(), t),
        ["Key.rewrap"] = async (c, t) => await c.Operations.RewrapAsync(c.KeyId(), c.Body<DecryptRequest>(), t),
        ["Key.datakey"] = async (c, t) => await c.Operations.DataKeyAsync(c.KeyId(), c.Body<DataKeyRequest>(), t),
        ["Key.sign"] = async (c, t) => await c.Operations.SignAsync(c.KeyId(), c.Body<SignRequest>(), t),
        ["Key.verify"] = async (c, t) => await c.Operations.VerifyAsync(c.KeyId(), c.Body<VerifyRequest>(), t),
        ["Key.mac"] = async (c, t) => await c.Operations.MacAsync(c.KeyId(), c.Body<MacRequest>(), t),
        ["Key.verify_mac"] = async (c, t) => await c.Operations.VerifyMacAsync(c.KeyId(), c.Body<VerifyMacRequest>(), t),
        ["Key.public_key"] = async (c, t) => await c.Operations.PublicKeyAsync(c.KeyId(), c.Number("version"), t),
        ["KeyVersion.create"] = async (c, t) => await c.Operations.CreateKeyVersionAsync(c.Body<CreateKeyVersionRequest>(), t),
        ["KeyVersion.list"] = async (c, t) => await c.Operations.ListKeyVersionsAsync(c.Text("key_id"), c.Number("limit"), c.Number("offset"), t),
        ["KeyVersion.get"] = async (c, t) => await c.Operations.GetKeyVersionAsync(c.VersionId(), t),
        ["KeyVersion.update"] = async (c, t) => await c.Operations.UpdateKeyVersionAsync(c.VersionId(), c.Body<UpdateKeyVersionRequest>(), t),
        ["KeyVersion.delete"] = async (c, t) => await c.Operations.DestroyKeyVersionAsync(c.VersionId(), t),
        ["DeletedKey.list"] = async (c, t) => await c.Operations.ListDeletedKeysAsync(c.Number("limit"), c.Number("offset"), t),
        ["DeletedKey.recover"] = async (c, t) => await c.Operations.RecoverKeyAsync(c.KeyId(), t),
        ["DeletedKey.purge"] = async (c, t) => await c.Operations.PurgeKeyAsync(c.KeyId(), t),
        ["Random.generate"] = async (c, t) => await c.Operations.RandomAsync(c.Body<RandomRequest>(), t),
        ["System.healthz"] = async (c, t) => await c.Operations.HealthAsync(t),
    };

    public IReadOnlyList<string> Names => [.. _methods.Keys.Order(StringComparer.Ordinal)];

    public bool TryGet(string name, out Method method) => _methods.TryGetValue(name, out method!);
}
