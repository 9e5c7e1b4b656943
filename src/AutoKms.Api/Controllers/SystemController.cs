using AutoKms.Api.Contracts;
using AutoKms.Api.Operations;
using AutoKms.Api.Rpc;
using Microsoft.AspNetCore.Mvc;

namespace AutoKms.Api.Controllers;

[Route("system")]
[Tags("System")]
public sealed class SystemController(KmsOperations operations, RpcMethods methods) : KmsControllerBase(operations)
{
    /// <summary>Liveness with a real database round trip.</summary>
    /// <response code="200">The service and its database answer: <c>{"ok": true}</c>.</response>
    /// <response code="503">The database is unreachable: <c>{"ok": false, "error": "..."}</c>.</response>
    [HttpGet("healthz")]
    [ProducesResponseType<HealthResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<HealthResponse>(StatusCodes.Status503ServiceUnavailable)]
    public async Task<ActionResult<HealthResponse>> Healthz(CancellationToken cancellationToken)
    {
        var health = await Operations.HealthAsync(cancellationToken);
        return health.Ok ? Ok(health) : StatusCode(StatusCodes.Status503ServiceUnavailable, health);
    }

    /// <summary>The JSON-RPC 2.0 methods POST /kms/rpc accepts.</summary>
    [HttpGet("methodz")]
    [ProducesResponseType<MethodsResponse>(StatusCodes.Status200OK)]
    public ActionResult<MethodsResponse> Methodz() => Ok(new MethodsResponse { Methods = methods.Names });
}
