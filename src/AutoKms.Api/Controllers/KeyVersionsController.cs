using AutoKms.Api.Contracts.KeyVersions;
using AutoKms.Api.Http;
using AutoKms.Api.Security;
using AutoKms.Application.Common.Models;
using AutoKms.Application.KeyVersions.Commands.DestroyKeyVersion;
using AutoKms.Application.KeyVersions.Queries.GetKeyVersion;
using AutoKms.Application.KeyVersions.Queries.ListKeyVersions;
using MediatR;
using AutoKms.Application.Common.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AutoKms.Api.Controllers;

/// <summary>Versions of keys: their number and status, never their material.</summary>
[Route("kms/key_version")]
[Tags("Key versions")]
[RouteIdName("key version id")]
[RateLimitClass(RateLimitClasses.KeyWrites)]
public sealed class KeyVersionsController(IMediator mediator) : KmsControllerBase(mediator)
{
    /// <summary>Creates the key's next version and makes it primary, as rotate does.</summary>
    /// <response code="201">The new version; Location names it.</response>
    /// <response code="404">No such key.</response>
    [HttpPost("")]
    [Consumes("application/json")]
    [ProducesResponseType<KeyVersionDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [Authorize(Policy = Scopes.KeysManage)]
    public async Task<CreatedAtActionResult> CreateKeyVersion([FromBody] CreateKeyVersionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var version = await Mediator.Send(request.ToCommand(), cancellationToken);
        return CreatedAtAction(nameof(GetKeyVersion), new { id = version.Id }, version);
    }

    /// <summary>Lists versions of live keys, by key then version.</summary>
    /// <param name="keyId">Only the versions of this key (query parameter <c>key_id</c>).</param>
    /// <param name="limit">At most this many versions (1 to 1000, default 100).</param>
    /// <param name="offset">Skip this many first (default 0).</param>
    /// <param name="cancellationToken">Aborts with the request.</param>
    /// <response code="200">The versions.</response>
    [HttpGet("")]
    [ProducesResponseType<IReadOnlyList<KeyVersionDto>>(StatusCodes.Status200OK)]
    [Authorize(Policy = Scopes.KeysRead)]
    [RateLimitClass(RateLimitClasses.Reads)]
    public async Task<IReadOnlyList<KeyVersionDto>> ListKeyVersions(
        [FromQuery(Name = "key_id")] Guid? keyId,
        [FromQuery] int? limit,
        [FromQuery] int? offset,
        CancellationToken cancellationToken) =>
        await Mediator.Send(new ListKeyVersionsQuery(keyId, limit ?? ListKeyVersionsQuery.DefaultLimit, offset ?? 0), cancellationToken);

    /// <summary>Reads one version.</summary>
    /// <param name="id">The version id.</param>
    /// <param name="cancellationToken">Aborts with the request.</param>
    /// <response code="200">The version.</response>
    /// <response code="404">No such version.</response>
    [HttpGet("{id}")]
    [ProducesResponseType<KeyVersionDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [Authorize(Policy = Scopes.KeysRead)]
    [RateLimitClass(RateLimitClasses.Reads)]
    public async Task<KeyVersionDto> GetKeyVersion(Guid id, CancellationToken cancellationToken) =>
        await Mediator.Send(new GetKeyVersionQuery(id), cancellationToken);

    /// <summary>Enables, disables or destroys a version. Disabled versions answer 403 until re-enabled; destroyed ones for good.</summary>
    /// <param name="id">The version id.</param>
    /// <param name="request">The new status.</param>
    /// <param name="cancellationToken">Aborts with the request.</param>
    /// <response code="200">The version as changed.</response>
    /// <response code="404">No such version.</response>
    /// <response code="409">The primary version cannot be disabled or destroyed, nor a destroyed version revived.</response>
    [HttpPatch("{id}")]
    [Consumes("application/json")]
    [ProducesResponseType<KeyVersionDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [Authorize(Policy = Scopes.KeysManage)]
    public async Task<KeyVersionDto> UpdateKeyVersion(Guid id, [FromBody] UpdateKeyVersionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await Mediator.Send(request.ToCommand(id), cancellationToken);
    }

    /// <summary>Replaces a version's status (the original service's PUT); the same rules as PATCH.</summary>
    /// <param name="id">The version id.</param>
    /// <param name="request">The new status.</param>
    /// <param name="cancellationToken">Aborts with the request.</param>
    /// <response code="200">The version as changed.</response>
    /// <response code="404">No such version.</response>
    /// <response code="409">The primary version cannot be disabled or destroyed, nor a destroyed version revived.</response>
    [HttpPut("{id}")]
    [Consumes("application/json")]
    [ProducesResponseType<KeyVersionDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [Authorize(Policy = Scopes.KeysManage)]
    public async Task<KeyVersionDto> ReplaceKeyVersion(Guid id, [FromBody] UpdateKeyVersionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await Mediator.Send(request.ToCommand(id), cancellationToken);
    }

    /// <summary>Destroys a version: its material is erased for good; the version stays listed as destroyed.</summary>
    /// <param name="id">The version id.</param>
    /// <param name="cancellationToken">Aborts with the request.</param>
    /// <response code="200"><c>{"deleted": 1}</c></response>
    /// <response code="404">No such version.</response>
    /// <response code="409">The primary version cannot be destroyed.</response>
    [HttpDelete("{id}")]
    [ProducesResponseType<DeleteResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [Authorize(Policy = Scopes.KeysManage)]
    public async Task<DeleteResult> DeleteKeyVersion(Guid id, CancellationToken cancellationToken) =>
        await Mediator.Send(new DestroyKeyVersionCommand(id), cancellationToken);

    /// <summary>Changes several versions' status atomically (each item names its <c>id</c>).</summary>
    /// <response code="200">The versions as changed, in the order asked.</response>
    /// <response code="404">One of the versions does not exist; nothing changed.</response>
    /// <response code="409">A primary version cannot be disabled or destroyed; nothing changed.</response>
    [HttpPatch("")]
    [Consumes("application/json")]
    [ProducesResponseType<IReadOnlyList<KeyVersionDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [Authorize(Policy = Scopes.KeysManage)]
    public async Task<IReadOnlyList<KeyVersionDto>> UpdateKeyVersions([FromBody] List<UpdateKeyVersionRequest?> request, CancellationToken cancellationToken) =>
        await Mediator.Send(UpdateKeyVersionsRequest.ToCommand(request), cancellationToken);

    /// <summary>Replaces several versions' status atomically; the same rules as the bulk PATCH.</summary>
    /// <response code="200">The versions as changed, in the order asked.</response>
    /// <response code="404">One of the versions does not exist; nothing changed.</response>
    /// <response code="409">A primary version cannot be disabled or destroyed; nothing changed.</response>
    [HttpPut("")]
    [Consumes("application/json")]
    [ProducesResponseType<IReadOnlyList<KeyVersionDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [Authorize(Policy = Scopes.KeysManage)]
    public async Task<IReadOnlyList<KeyVersionDto>> ReplaceKeyVersions([FromBody] List<UpdateKeyVersionRequest?> request, CancellationToken cancellationToken) =>
        await Mediator.Send(UpdateKeyVersionsRequest.ToCommand(request), cancellationToken);

    /// <summary>Destroys several versions atomically: <c>{"ids": [...]}</c>.</summary>
    /// <response code="200"><c>{"deleted": n}</c></response>
    /// <response code="404">One of the versions does not exist; nothing was destroyed.</response>
    /// <response code="409">A primary version cannot be destroyed; nothing was destroyed.</response>
    [HttpDelete("")]
    [Consumes("application/json")]
    [ProducesResponseType<DeleteResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [Authorize(Policy = Scopes.KeysManage)]
    public async Task<DeleteResult> DeleteKeyVersions([FromBody] DeleteKeyVersionsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await Mediator.Send(request.ToCommand(), cancellationToken);
    }
}
