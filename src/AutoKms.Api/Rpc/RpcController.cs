using System.Text.Json;
using System.Text.Json.Nodes;
using AutoKms.Api.Controllers;
using AutoKms.Api.Http;
using AutoKms.Api.Security;
using AutoKms.Application.Common.Exceptions;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AutoKms.Api.Rpc;

/// <summary>
/// JSON-RPC 2.0 over HTTP: a single call or a batch, dispatched to the same operations (and so
/// the same MediatR requests) as the REST routes. HTTP errors become JSON-RPC errors whose
/// <c>data</c> holds the HTTP status and detail.
/// </summary>
[Route("kms/rpc")]
[Authorize(Policy = SecurityDependencyInjection.AnyCaller)]
[Tags("JSON-RPC")]
public sealed partial class RpcController(IMediator mediator, RpcMethods methods, IOptions<JsonOptions> jsonOptions, IAuthorizationService authorization, KmsRateLimits limits, ILogger<RpcController> logger) : KmsControllerBase(mediator)
{
    private const int MaxBatch = 100;

    private JsonSerializerOptions Json => jsonOptions.Value.JsonSerializerOptions;

    /// <summary>
    /// JSON-RPC 2.0: <c>{"jsonrpc":"2.0","method":"Key.create","params":{...},"id":1}</c> or an array of such calls.
    /// Methods are listed at GET /system/methodz; params are the REST body plus <c>id</c> for the key or version.
    /// </summary>
    /// <response code="200">The response object, or an array of them for a batch.</response>
    /// <response code="204">Every call was a notification (no id): nothing to answer.</response>
    [HttpPost("")]
    [Consumes(typeof(RpcRequest), "application/json")]
    [ProducesResponseType<RpcResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> Call([FromBody] JsonElement body, CancellationToken cancellationToken)
    {
        if (body.ValueKind == JsonValueKind.Array)
        {
            if (body.GetArrayLength() == 0 || body.GetArrayLength() > MaxBatch)
            {
                return Ok(RpcErrors.Response(null, RpcErrors.InvalidRequest, $"A batch holds 1 to {MaxBatch} calls."));
            }

            var answers = new JsonArray();
            foreach (var call in body.EnumerateArray())
            {
                if (await CallOneAsync(call, cancellationToken) is { } answer)
                {
                    answers.Add(answer);
                }
            }

            return answers.Count == 0 ? NoContent() : Ok(answers);
        }

        var single = await CallOneAsync(body, cancellationToken);
        return single is null ? NoContent() : Ok(single);
    }

    private async Task<JsonObject?> CallOneAsync(JsonElement call, CancellationToken cancellationToken)
    {
        if (call.ValueKind != JsonValueKind.Object
            || !call.TryGetProperty("jsonrpc", out var version) || !RpcCall.TryReadText(version, out var versionText) || versionText != "2.0"
            || !call.TryGetProperty("method", out var method) || !RpcCall.TryReadText(method, out var methodName)
            || (call.TryGetProperty("id", out var idElement) && !IsValidId(idElement)))
        {
            return RpcErrors.Response(null, RpcErrors.InvalidRequest, "A call is an object with \"jsonrpc\": \"2.0\", a string \"method\", optional \"params\" and an optional string, number or null \"id\".");
        }

        var hasId = idElement.ValueKind != JsonValueKind.Undefined;
        var id = hasId ? JsonNode.Parse(idElement.GetRawText()) : null;
        if (!methods.TryGet(methodName!, out var handler, out var idName, out var policy))
        {
            var shown = methodName!.Length > 64 ? methodName[..64] + "…" : methodName;
            return hasId ? RpcErrors.Response(id, RpcErrors.MethodNotFound, $"Unknown method '{shown}'; see GET /system/methodz.") : null;
        }

        var parameters = call.TryGetProperty("params", out var p) ? p : default;
        try
        {
            // Each call is authorised as its REST route would be: the same scope policy.
            if (!(await authorization.AuthorizeAsync(User, policy).ConfigureAwait(false)).Succeeded)
            {
                await DeniedRequestAudit.RecordAsync(HttpContext, Application.Common.Auditing.AuditOutcomes.Denied).ConfigureAwait(false);
                throw new AccessDeniedException($"The caller lacks the scope {policy} that {methodName} needs.");
            }

            // And counted as its REST route would be: one permit of its class per call.
            using var lease = await limits.Limiter.AcquireAsync((RateLimitClasses.ForPolicy(policy), KmsRateLimits.CallerOf(HttpContext)), 1, cancellationToken).ConfigureAwait(false);
            if (!lease.IsAcquired)
            {
                throw new RateLimitedException(lease.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1);
            }

            var result = await handler(new RpcCall(Mediator, Json, parameters, idName), cancellationToken);
            return hasId
                ? new JsonObject { ["jsonrpc"] = "2.0", ["result"] = JsonSerializer.SerializeToNode(result, Json), ["id"] = id }
                : null;
        }
        catch (Exception ex) when (ProblemDetailsExceptionHandler.Describe(ex) is { } problem)
        {
            return hasId ? RpcErrors.FromProblem(id, problem, Json) : null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bug in one call answers -32603 for that call; the batch's other calls still run.
            LogUnexpected(logger, ex, HttpContext.TraceIdentifier);
            var data = new JsonObject { ["status"] = StatusCodes.Status500InternalServerError, ["request_id"] = HttpContext.TraceIdentifier };
            return hasId ? RpcErrors.Response(id, RpcErrors.InternalError, "Internal error; the request id identifies it in the service log.", data) : null;
        }
    }

    private static bool IsValidId(JsonElement id) =>
        id.ValueKind is JsonValueKind.Number or JsonValueKind.Null || RpcCall.TryReadText(id, out _);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error in a JSON-RPC call of request {RequestId}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string requestId);
}
