using AutoKms.Api.Contracts.RootKeys;
using MediatR;
using AutoKms.Api.Security;
using AutoKms.Application.Common.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AutoKms.Api.Controllers;

/// <summary>
/// Administration of the root key, apart from the key routes so it can carry its own
/// authorisation. Not in the OpenAPI document (client SDKs are for key users, not operators), and
/// not a JSON-RPC method, so this controller is its only door.
/// </summary>
[Route("kms/root_key")]
[ApiExplorerSettings(IgnoreApi = true)]
[Authorize(Policy = Scopes.Admin)]
[RateLimitClass(RateLimitClasses.Admin)]
public sealed class RootKeyController(IMediator mediator) : KmsControllerBase(mediator)
{
    /// <summary>
    /// Re-seals every key version under a new root key while traffic runs; afterwards only the new
    /// root key is needed. Run it again with the same key to resume one that stopped.
    /// </summary>
    /// <param name="request">The new root key, by reference.</param>
    /// <param name="cancellationToken">Aborts with the request (the rotation stays resumable).</param>
    /// <response code="200">Every version is sealed under the new root key.</response>
    /// <response code="400">The new key cannot be used (missing, readable by others, the current key).</response>
    /// <response code="409">Another rotation runs, or one to another key did not finish.</response>
    [HttpPost("rotate")]
    [Consumes("application/json")]
    [ProducesResponseType<RotateRootKeyResponse>(StatusCodes.Status200OK)]
    public async Task<RotateRootKeyResponse> Rotate([FromBody] RotateRootKeyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return RotateRootKeyResponse.From(await Mediator.Send(request.ToCommand(), cancellationToken));
    }
}
