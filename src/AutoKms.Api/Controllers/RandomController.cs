using AutoKms.Api.Contracts;
using AutoKms.Api.Operations;
using Microsoft.AspNetCore.Mvc;

namespace AutoKms.Api.Controllers;

[Route("kms/random")]
[Tags("Cryptography")]
public sealed class RandomController(KmsOperations operations) : KmsControllerBase(operations)
{
    /// <summary>Random bytes from the service's CSPRNG: <c>{"bytes": 1..1024}</c>.</summary>
    /// <response code="200">The random bytes, base64.</response>
    [HttpPost("")]
    [Consumes("application/json")]
    [ProducesResponseType<RandomResponse>(StatusCodes.Status200OK)]
    public async Task<ActionResult<RandomResponse>> GenerateRandom([FromBody] RandomRequest request, CancellationToken cancellationToken) =>
        Ok(await Operations.RandomAsync(request, cancellationToken));
}
