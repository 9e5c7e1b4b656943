using AutoKms.Api.Contracts.Cryptography;
using MediatR;
using AutoKms.Api.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AutoKms.Api.Controllers;

[Route("kms/random")]
[Authorize(Policy = SecurityDependencyInjection.AnyCaller)]
[Tags("Cryptography")]
[RateLimitClass(RateLimitClasses.Crypto)]
public sealed class RandomController(IMediator mediator) : KmsControllerBase(mediator)
{
    /// <summary>Random bytes from the service's CSPRNG: <c>{"bytes": 1..1024}</c>.</summary>
    /// <param name="request">How many bytes.</param>
    /// <param name="cancellationToken">Aborts with the request.</param>
    /// <response code="200">The random bytes, base64.</response>
    [HttpPost("")]
    [Consumes("application/json")]
    [ProducesResponseType<RandomResponse>(StatusCodes.Status200OK)]
    public async Task<RandomResponse> GenerateRandom([FromBody] RandomRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return RandomResponse.From(await Mediator.Send(request.ToCommand(), cancellationToken));
    }
}
