using System.Collections.Frozen;
using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Interfaces;
using Microsoft.AspNetCore.Mvc.Controllers;

namespace AutoKms.Api.Security;

/// <summary>
/// Records a request refused before it reached its use case (authentication or authorisation), in
/// the same trail and under the same operation name the use case would have recorded. Call it from
/// the authorisation result handler before writing the 401 or 403:
/// <code>await DeniedRequestAudit.RecordAsync(context, AuditOutcomes.Denied);</code>
/// It throws <see cref="Application.Common.Exceptions.AuditUnavailableException"/> when the record
/// cannot be written; let it propagate, and the exception handler answers 503.
/// </summary>
public static class DeniedRequestAudit
{
    /// <summary>
    /// Each action (its operationId) → the operation its command records. Where they differ the
    /// action is a form of a use case (PUT of UpdateKey, DELETE of one key through DeleteKeys).
    /// </summary>
    public static FrozenDictionary<string, AuditOperation> Operations { get; } = new Dictionary<string, AuditOperation>(StringComparer.Ordinal)
    {
        ["CreateKey"] = AuditOperations.CreateKey,
        ["CreateKeys"] = AuditOperations.CreateKeys,
        ["ListKeys"] = AuditOperations.ListKeys,
        ["GetKey"] = AuditOperations.GetKey,
        ["UpdateKey"] = AuditOperations.UpdateKey,
        ["ReplaceKey"] = AuditOperations.UpdateKey,
        ["DeleteKey"] = AuditOperations.DeleteKeys,
        ["UpdateKeys"] = AuditOperations.UpdateKeys,
        ["ReplaceKeys"] = AuditOperations.UpdateKeys,
        ["DeleteKeys"] = AuditOperations.DeleteKeys,
        ["RotateKey"] = AuditOperations.RotateKey,
        ["CreateKeyVersion"] = AuditOperations.CreateKeyVersion,
        ["ListKeyVersions"] = AuditOperations.ListKeyVersions,
        ["GetKeyVersion"] = AuditOperations.GetKeyVersion,
        ["UpdateKeyVersion"] = AuditOperations.UpdateKeyVersion,
        ["ReplaceKeyVersion"] = AuditOperations.UpdateKeyVersion,
        ["DeleteKeyVersion"] = AuditOperations.DestroyKeyVersion,
        ["UpdateKeyVersions"] = AuditOperations.UpdateKeyVersions,
        ["ReplaceKeyVersions"] = AuditOperations.UpdateKeyVersions,
        ["DeleteKeyVersions"] = AuditOperations.DestroyKeyVersions,
        ["ListDeletedKeys"] = AuditOperations.ListDeletedKeys,
        ["RecoverKey"] = AuditOperations.RecoverKey,
        ["PurgeKey"] = AuditOperations.PurgeKey,
        ["Encrypt"] = AuditOperations.Encrypt,
        ["EncryptBatch"] = AuditOperations.EncryptBatch,
        ["Decrypt"] = AuditOperations.Decrypt,
        ["DecryptBatch"] = AuditOperations.DecryptBatch,
        ["Rewrap"] = AuditOperations.Rewrap,
        ["RewrapBatch"] = AuditOperations.RewrapBatch,
        ["Wrap"] = AuditOperations.WrapKey,
        ["Unwrap"] = AuditOperations.UnwrapKey,
        ["DataKey"] = AuditOperations.GenerateDataKey,
        ["Sign"] = AuditOperations.Sign,
        ["Verify"] = AuditOperations.VerifySignature,
        ["Mac"] = AuditOperations.ComputeMac,
        ["VerifyMac"] = AuditOperations.VerifyMac,
        ["GetPublicKey"] = AuditOperations.GetPublicKey,
        ["GenerateRandom"] = AuditOperations.GenerateRandom,
        ["Call"] = AuditOperations.Rpc,
        ["ListAuditRecords"] = AuditOperations.ListAuditRecords,
        ["VerifyAuditTrail"] = AuditOperations.VerifyAuditTrail,
        ["CreateToken"] = AuditOperations.CreateToken,
        ["ListTokens"] = AuditOperations.ListTokens,
        ["RevokeToken"] = AuditOperations.RevokeToken,
        ["Rotate"] = AuditOperations.RotateRootKey,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Appends the refusal of the current request: the caller as far as it is known (anonymous for
    /// a 401), the operation of the endpoint, the key the route names (<c>{id}</c>, for key
    /// routes), the request id and client address. Durable when the task completes.
    /// </summary>
    /// <param name="context">The refused request.</param>
    /// <param name="outcome"><see cref="AuditOutcomes.Unauthenticated"/> (401) or <see cref="AuditOutcomes.Denied"/> (403).</param>
    public static Task RecordAsync(HttpContext context, string outcome)
    {
        ArgumentNullException.ThrowIfNull(context);
        var action = context.GetEndpoint()?.Metadata.GetMetadata<ControllerActionDescriptor>();
        if (action is null || !Operations.TryGetValue(action.ActionName, out var operation))
        {
            // Not an audited operation (health, discovery, the OpenAPI document).
            return Task.CompletedTask;
        }

        var keyId = action.ControllerName is "Keys" or "KeyCrypto" or "DeletedKeys"
            && context.Request.RouteValues.TryGetValue("id", out var id) && Guid.TryParse(id as string, out var parsed) ? parsed : (Guid?)null;
        var recorder = context.RequestServices.GetRequiredService<AuditRecorder>();
        return recorder.RecordAsync(operation, keyId, null, null, outcome, context.RequestAborted);
    }
}
