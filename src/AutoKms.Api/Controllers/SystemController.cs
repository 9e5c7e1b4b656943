using AutoKms.Api.Contracts.Service;
using AutoKms.Api.Rpc;
using AutoKms.Application.Health.Queries.CheckHealth;
using AutoKms.Application.Health.Queries.CheckReadiness;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AutoKms.Api.Controllers;

[Route("system")]
[AllowAnonymous]
[Tags("System")]
public sealed class SystemController(IMediator mediator, RpcMethods methods) : KmsControllerBase(mediator)
{
    /// <summary>Liveness with a real database round trip.</summary>
    /// <param name="cancellationToken">Aborts with the request.</param>
    /// <response code="200">The service and its database answer: <c>{"ok": true}</c>.</response>
    /// <response code="503">The database is unavailable: <c>{"ok": false, "error": "database unavailable"}</c>.</response>
    [HttpGet("healthz")]
    [ProducesResponseType<HealthResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<HealthResponse>(StatusCodes.Status503ServiceUnavailable)]
    public async Task<ActionResult<HealthResponse>> Healthz(CancellationToken cancellationToken)
    {
        var health = HealthResponse.From(await Mediator.Send(new CheckHealthQuery(), cancellationToken));
        return health.Ok ? Ok(health) : StatusCode(StatusCodes.Status503ServiceUnavailable, health);
    }

    /// <summary>Readiness: the database answers and the root key (file or HSM) seals and unseals.</summary>
    /// <param name="cancellationToken">Aborts with the request.</param>
    /// <response code="200">Ready: <c>{"ok": true}</c>.</response>
    /// <response code="503">Not ready: <c>{"ok": false, "error": "database unavailable"}</c> or <c>"root key unavailable"</c>.</response>
    [HttpGet("readyz")]
    [ProducesResponseType<HealthResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<HealthResponse>(StatusCodes.Status503ServiceUnavailable)]
    public async Task<ActionResult<HealthResponse>> Readyz(CancellationToken cancellationToken)
    {
        var ready = HealthResponse.From(await Mediator.Send(new CheckReadinessQuery(), cancellationToken));
        return ready.Ok ? Ok(ready) : StatusCode(StatusCodes.Status503ServiceUnavailable, ready);
    }

    /// <summary>The JSON-RPC 2.0 methods POST /kms/rpc accepts.</summary>
    /// <response code="200">The method names.</response>
    [HttpGet("methodz")]
    [ProducesResponseType<MethodsResponse>(StatusCodes.Status200OK)]
    public MethodsResponse Methodz() => new() { Methods = methods.Names };
}
