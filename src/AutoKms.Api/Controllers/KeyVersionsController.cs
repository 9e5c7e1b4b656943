using AutoKms.Api.Contracts;
using AutoKms.Api.Http;
using AutoKms.Application.Common.Models;
using AutoKms.Api.Operations;
using Microsoft.AspNetCore.Mvc;

namespace AutoKms.Api.Controllers;

/// <summary>Versions of keys: their number and status, never their material.</summary>
[Route("kms/key_version")]
[Tags("Key versions")]
public sealed class KeyVersionsController(KmsOperations operations) : KmsControllerBase(operations)
{
    /// <summary>Creates the key's next version and makes it primary, as rotate does.</summary>
    /// <response code="201">The new version.</response>
    /// <response code="404">No such key.</response>
    [HttpPost("")]
    [Consumes("application/json")]
    [ProducesResponseType<KeyVersionDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<IActionResult> CreateKeyVersion([FromBody] CreateKeyVersionRequest request, CancellationToken cancellationToken)
    {
        var version = await Operations.CreateKeyVersionAsync(request, cancellationToken);
        return CreatedAtAction(nameof(GetKeyVersion), new { id = version.Id }, version);
    }

    /// <summary>Lists versions of live keys, by key then version.</summary>
    /// <param name="keyId">Only the versions of this key (query parameter <c>key_id</c>).</param>
    /// <param name="limit">At most this many versions (1 to 1000, default 100).</param>
    /// <param name="offset">Skip this many first (default 0).</param>
    /// <param name="cancellationToken">Aborts with the request.</param>
    [HttpGet("")]
    [ProducesResponseType<IReadOnlyList<KeyVersionDto>>(StatusCodes.Status200OK)]
    public async Task<ActionResult<IReadOnlyList<KeyVersionDto>>> ListKeyVersions(
        [FromQuery(Name = "key_id")] string? keyId,
        [FromQuery] int? limit,
        [FromQuery] int? offset,
        CancellationToken cancellationToken)
        => Ok(await Operations.ListKeyVersionsAsync(keyId, limit, offset, cancellationToken));

    /// <summary>Reads one version.</summary>
    /// <response code="404">No such version.</response>
    [HttpGet("{id}")]
    [ProducesResponseType<KeyVersionDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<KeyVersionDto>> GetKeyVersion(string id, CancellationToken cancellationToken) =>
        Ok(await Operations.GetKeyVersionAsync(RouteIds.KeyVersion(id), cancellationToken));

    /// <summary>Enables, disables or destroys a version. Disabled versions answer 403 until re-enabled; destroyed ones for good.</summary>
    /// <response code="404">No such version.</response>
    /// <response code="409">The primary version cannot be disabled or destroyed, nor a destroyed version revived.</response>
    [HttpPatch("{id}")]
    [Consumes("application/json")]
    [ProducesResponseType<KeyVersionDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public async Task<ActionResult<KeyVersionDto>> UpdateKeyVersion(string id, [FromBody] UpdateKeyVersionRequest request, CancellationToken cancellationToken) =>
        Ok(await Operations.UpdateKeyVersionAsync(RouteIds.KeyVersion(id), request, cancellationToken));

    /// <summary>Destroys a version: its material is erased for good; the version stays listed as destroyed.</summary>
    /// <response code="200"><c>{"deleted": 1}</c></response>
    /// <response code="404">No such version.</response>
    /// <response code="409">The primary version cannot be destroyed.</response>
    [HttpDelete("{id}")]
    [ProducesResponseType<DeleteResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public async Task<ActionResult<DeleteResult>> DeleteKeyVersion(string id, CancellationToken cancellationToken) =>
        Ok(await Operations.DestroyKeyVersionAsync(RouteIds.KeyVersion(id), cancellationToken));
}
