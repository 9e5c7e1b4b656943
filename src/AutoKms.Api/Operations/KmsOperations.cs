using AutoKms.Application.Common.Crypto;
using System.Text.Json;
using AutoKms.Api.Contracts;
using AutoKms.Api.Http;
using AutoKms.Application.Common.Models;
using AutoKms.Application.Cryptography;
using AutoKms.Application.Cryptography.Commands.ComputeMac;
using AutoKms.Application.Cryptography.Commands.Decrypt;
using AutoKms.Application.Cryptography.Commands.DecryptBatch;
using AutoKms.Application.Cryptography.Commands.Encrypt;
using AutoKms.Application.Cryptography.Commands.EncryptBatch;
using AutoKms.Application.Cryptography.Commands.GenerateDataKey;
using AutoKms.Application.Cryptography.Commands.GenerateRandom;
using AutoKms.Application.Cryptography.Commands.Rewrap;
using AutoKms.Application.Cryptography.Commands.RewrapBatch;
using AutoKms.Application.Cryptography.Commands.Sign;
using AutoKms.Application.Cryptography.Commands.UnwrapKey;
using AutoKms.Application.Cryptography.Commands.VerifyMac;
using AutoKms.Application.Cryptography.Commands.VerifySignature;
using AutoKms.Application.Cryptography.Commands.WrapKey;
using AutoKms.Application.Cryptography.Queries.GetPublicKey;
using AutoKms.Application.DeletedKeys.Commands.PurgeKey;
using AutoKms.Application.DeletedKeys.Commands.RecoverKey;
using AutoKms.Application.DeletedKeys.Queries.ListDeletedKeys;
using AutoKms.Application.Health.Queries.CheckHealth;
using AutoKms.Application.Keys.Commands.CreateKey;
using AutoKms.Application.Keys.Commands.CreateKeys;
using AutoKms.Application.Keys.Commands.DeleteKeys;
using AutoKms.Application.Keys.Commands.RotateKey;
using AutoKms.Application.Keys.Commands.UpdateKey;
using AutoKms.Application.Keys.Commands.UpdateKeys;
using AutoKms.Application.Keys.Queries.GetKey;
using AutoKms.Application.Keys.Queries.ListKeys;
using AutoKms.Application.KeyVersions.Commands.CreateKeyVersion;
using AutoKms.Application.KeyVersions.Commands.DestroyKeyVersion;
using AutoKms.Application.KeyVersions.Commands.UpdateKeyVersion;
using AutoKms.Application.KeyVersions.Queries.GetKeyVersion;
using AutoKms.Application.KeyVersions.Queries.ListKeyVersions;
using FluentValidation;
using FluentValidation.Results;
using MediatR;

namespace AutoKms.Api.Operations;

/// <summary>
/// Every operation of the API, from wire DTOs to a MediatR request and its result back to wire
/// DTOs: the one translation both transports use. REST controllers add the HTTP parts (routes,
/// status codes, Location); JSON-RPC adds its envelope. No rule lives here: handlers and the
/// domain decide.
/// </summary>
public sealed class KmsOperations(IMediator mediator, JsonBody json)
{
    // ---- keys ----

    /// <summary>One key (object) or several atomically (array); <c>Single</c> is set for the object form.</summary>
    public async Task<(object Body, KeyDto? Single)> CreateKeyAsync(JsonElement body, CancellationToken cancellationToken)
    {
        if (body.ValueKind == JsonValueKind.Array)
        {
            var requests = json.Read<List<CreateKeyRequest?>>(body);
            var created = await mediator.Send(new CreateKeysCommand(requests.Select((r, i) => ToCommand(r, i)).ToList()), cancellationToken);
            return (created, null);
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new Application.Common.Exceptions.InvalidRequestException("The request body must be a JSON object or an array of objects.");
        }

        var key = await mediator.Send(ToCommand(json.Read<CreateKeyRequest>(body), 0), cancellationToken);
        return (key, key);
    }

    public Task<IReadOnlyList<KeyDto>> ListKeysAsync(string? name, string? status, int? limit, int? offset, CancellationToken cancellationToken) =>
        mediator.Send(new ListKeysQuery(name, status, limit ?? ListKeysQuery.DefaultLimit, offset ?? 0), cancellationToken);

    public Task<KeyDto> GetKeyAsync(Guid id, CancellationToken cancellationToken) => mediator.Send(new GetKeyQuery(id), cancellationToken);

    public Task<KeyDto> UpdateKeyAsync(Guid id, UpdateKeyRequest request, bool replace, CancellationToken cancellationToken) =>
        mediator.Send(ToCommand(id, request, replace), cancellationToken);

    public Task<IReadOnlyList<KeyDto>> UpdateKeysAsync(IReadOnlyList<UpdateKeyRequest?> requests, bool replace, CancellationToken cancellationToken) =>
        mediator.Send(
            new UpdateKeysCommand(requests.Select((r, i) => r is null ? throw NullItem(i) : ToCommand(RouteIds.Parse(r.Id, $"[{i}].id", "key id"), r, replace)).ToList()),
            cancellationToken);

    public Task<DeleteResult> DeleteKeysAsync(IReadOnlyList<string?> ids, CancellationToken cancellationToken) =>
        mediator.Send(new DeleteKeysCommand(ids.Select((id, i) => RouteIds.Parse(id, $"ids[{i}]", "key id")).ToList()), cancellationToken);

    public Task<DeleteResult> DeleteKeyAsync(Guid id, CancellationToken cancellationToken) =>
        mediator.Send(new DeleteKeysCommand([id]), cancellationToken);

    public Task<KeyVersionDto> RotateKeyAsync(Guid id, CancellationToken cancellationToken) => mediator.Send(new RotateKeyCommand(id), cancellationToken);

    // ---- cryptography ----

    public async Task<object> EncryptAsync(Guid id, EncryptRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.BatchInput is { } batch)
        {
            WireTranslation.RefuseMixedBatch(request.PlaintextB64 ?? request.AadB64 ?? request.NonceB64);
            var results = await mediator.Send(new EncryptBatchCommand(id, batch.Select(WireTranslation.EncryptItem).ToList()), cancellationToken);
            return WireTranslation.Batch(results, WireTranslation.EncryptAnswer);
        }

        WireTranslation.RefuseNonce(request.NonceB64);
        var command = new EncryptCommand(id, Base64Field.Decode(request.PlaintextB64, "plaintext_b64")!, Base64Field.Decode(request.AadB64, "aad_b64"));
        return EncryptResponse.From(await mediator.Send(command, cancellationToken));
    }

    public async Task<object> DecryptAsync(Guid id, DecryptRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.BatchInput is { } batch)
        {
            WireTranslation.RefuseMixedBatch(request.CiphertextB64 ?? request.Ciphertext ?? request.NonceB64 ?? request.TagB64 ?? request.AadB64 ?? request.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var results = await mediator.Send(new DecryptBatchCommand(id, batch.Select(WireTranslation.DecryptItem).ToList()), cancellationToken);
            return WireTranslation.Batch(results, WireTranslation.Plaintext);
        }

        var command = new DecryptCommand(id, WireTranslation.Encrypted(request), Base64Field.Decode(request.AadB64, "aad_b64"), request.Version);
        return WireTranslation.Plaintext(await mediator.Send(command, cancellationToken));
    }

    public async Task<object> RewrapAsync(Guid id, DecryptRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.BatchInput is { } batch)
        {
            WireTranslation.RefuseMixedBatch(request.CiphertextB64 ?? request.Ciphertext ?? request.NonceB64 ?? request.TagB64 ?? request.AadB64 ?? request.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var results = await mediator.Send(new RewrapBatchCommand(id, batch.Select(WireTranslation.DecryptItem).ToList()), cancellationToken);
            return WireTranslation.Batch(results, WireTranslation.EncryptAnswer);
        }

        var command = new RewrapCommand(id, WireTranslation.Encrypted(request), Base64Field.Decode(request.AadB64, "aad_b64"), request.Version);
        return EncryptResponse.From(await mediator.Send(command, cancellationToken));
    }

    public async Task<WrapResponse> WrapAsync(Guid id, WrapRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        WireTranslation.RefuseNonce(request.NonceB64);
        var command = new WrapKeyCommand(id, Base64Field.Decode(request.KeyMaterialB64, "key_material_b64")!, Base64Field.Decode(request.AadB64, "aad_b64"));
        return WrapResponse.From(await mediator.Send(command, cancellationToken));
    }

    public async Task<UnwrapResponse> UnwrapAsync(Guid id, UnwrapRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var data = WireTranslation.Encrypted(request.Ciphertext, request.WrappedKeyB64, "wrapped_key_b64", request.NonceB64, request.TagB64);
        var material = await mediator.Send(new UnwrapKeyCommand(id, data, Base64Field.Decode(request.AadB64, "aad_b64"), request.Version), cancellationToken);
        try
        {
            return new UnwrapResponse { KeyMaterialB64 = Convert.ToBase64String(material) };
        }
        finally
        {
            Secrets.Forget(material);
        }
    }

    public async Task<DataKeyResponse> DataKeyAsync(Guid id, DataKeyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var command = new GenerateDataKeyCommand(id, request.Bytes ?? GenerateDataKeyCommand.DefaultBytes, Base64Field.Decode(request.AadB64, "aad_b64"), request.IncludePlaintext ?? true);
        var result = await mediator.Send(command, cancellationToken);
        try
        {
            return DataKeyResponse.From(result);
        }
        finally
        {
            Secrets.Forget(result.Plaintext);
        }
    }

    public async Task<SignResponse> SignAsync(Guid id, SignRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await mediator.Send(new SignCommand(id, Base64Field.Decode(request.MessageB64, "message_b64"), Base64Field.Decode(request.DigestB64, "digest_b64")), cancellationToken);
        return new SignResponse { Kid = result.KeyId, Version = result.Version, Alg = result.Algorithm, SignatureB64 = Convert.ToBase64String(result.Signature) };
    }

    public async Task<VerifyResponse> VerifyAsync(Guid id, VerifyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var command = new VerifySignatureCommand(
            id,
            Base64Field.Decode(request.MessageB64, "message_b64"),
            Base64Field.Decode(request.DigestB64, "digest_b64"),
            Base64Field.Decode(request.SignatureB64, "signature_b64")!,
            request.Version);
        return new VerifyResponse { Valid = await mediator.Send(command, cancellationToken) };
    }

    public async Task<MacResponse> MacAsync(Guid id, MacRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await mediator.Send(new ComputeMacCommand(id, Base64Field.Decode(request.MessageB64, "message_b64")!), cancellationToken);
        return new MacResponse { Kid = result.KeyId, Version = result.Version, MacB64 = Convert.ToBase64String(result.Mac) };
    }

    public async Task<VerifyResponse> VerifyMacAsync(Guid id, VerifyMacRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var command = new VerifyMacCommand(id, Base64Field.Decode(request.MessageB64, "message_b64")!, Base64Field.Decode(request.MacB64, "mac_b64")!, request.Version);
        return new VerifyResponse { Valid = await mediator.Send(command, cancellationToken) };
    }

    public async Task<PublicKeyResponse> PublicKeyAsync(Guid id, int? version, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new GetPublicKeyQuery(id, version), cancellationToken);
        return new PublicKeyResponse { Kid = result.KeyId, Version = result.Version, Alg = result.Algorithm, Pem = result.Pem, Jwk = result.Jwk };
    }

    public async Task<RandomResponse> RandomAsync(RandomRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var bytes = await mediator.Send(new GenerateRandomCommand(request.Bytes ?? 0), cancellationToken);
        return new RandomResponse { RandomB64 = Convert.ToBase64String(bytes) };
    }

    // ---- key versions ----

    public Task<KeyVersionDto> CreateKeyVersionAsync(CreateKeyVersionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return mediator.Send(new CreateKeyVersionCommand(RouteIds.Parse(request.KeyId, "key_id", "key id")), cancellationToken);
    }

    public Task<IReadOnlyList<KeyVersionDto>> ListKeyVersionsAsync(string? keyId, int? limit, int? offset, CancellationToken cancellationToken)
    {
        Guid? parsed = keyId is null ? null : RouteIds.Parse(keyId, "key_id", "key id");
        return mediator.Send(new ListKeyVersionsQuery(parsed, limit ?? ListKeyVersionsQuery.DefaultLimit, offset ?? 0), cancellationToken);
    }

    public Task<KeyVersionDto> GetKeyVersionAsync(Guid id, CancellationToken cancellationToken) => mediator.Send(new GetKeyVersionQuery(id), cancellationToken);

    public Task<KeyVersionDto> UpdateKeyVersionAsync(Guid id, UpdateKeyVersionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return mediator.Send(new UpdateKeyVersionCommand(id, request.Status!), cancellationToken);
    }

    public Task<DeleteResult> DestroyKeyVersionAsync(Guid id, CancellationToken cancellationToken) => mediator.Send(new DestroyKeyVersionCommand(id), cancellationToken);

    // ---- deleted keys ----

    public Task<IReadOnlyList<DeletedKeyDto>> ListDeletedKeysAsync(int? limit, int? offset, CancellationToken cancellationToken) =>
        mediator.Send(new ListDeletedKeysQuery(limit ?? ListDeletedKeysQuery.DefaultLimit, offset ?? 0), cancellationToken);

    public Task<KeyDto> RecoverKeyAsync(Guid id, CancellationToken cancellationToken) => mediator.Send(new RecoverKeyCommand(id), cancellationToken);

    public Task<DeleteResult> PurgeKeyAsync(Guid id, CancellationToken cancellationToken) => mediator.Send(new PurgeKeyCommand(id), cancellationToken);

    // ---- system ----

    public async Task<HealthResponse> HealthAsync(CancellationToken cancellationToken)
    {
        var report = await mediator.Send(new CheckHealthQuery(), cancellationToken);
        return new HealthResponse { Ok = report.Ok, Error = report.Error };
    }

    private static CreateKeyCommand ToCommand(CreateKeyRequest? request, int index) =>
        request is null ? throw NullItem(index) : new(request.Name!, request.Algorithm!, request.Usage, request.RotationPeriodDays);

    private static UpdateKeyCommand ToCommand(Guid id, UpdateKeyRequest request, bool replace) =>
        new(id, request.Name, request.Status, replace, request.MinDecryptionVersion, request.RotationPeriodDays);

    private static ValidationException NullItem(int index) => new([new ValidationFailure($"[{index}]", "Each item must be a JSON object.")]);
}
