using AutoKms.Api.Contracts;
using AutoKms.Application.Health.Queries.CheckHealth;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace AutoKms.Api.Controllers;

[Route("system")]
[Tags("System")]
public sealed class SystemController(IMediator mediator) : KmsControllerBase(mediator)
{
    /// <summary>Liveness with a real database round trip.</summary>
    /// <response code="200">The service and its database answer: <c>{"ok": true}</c>.</response>
    /// <response code="503">The database is unreachable: <c>{"ok": false, "error": "..."}</c>.</response>
    [HttpGet("healthz")]
    [ProducesResponseType<HealthResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<HealthResponse>(StatusCodes.Status503ServiceUnavailable)]
    public async Task<ActionResult<HealthResponse>> Healthz(CancellationToken cancellationToken)
    {
        var report = await Mediator.Send(new CheckHealthQuery(), cancellationToken);
        var body = new HealthResponse { Ok = report.Ok, Error = report.Error };
        return report.Ok ? Ok(body) : StatusCode(StatusCodes.Status503ServiceUnavailable, body);
    }
}
