using System.Text.Json;
using AutoKms.Api.Contracts;
using AutoKms.Api.Http;
using AutoKms.Application.Common.Models;
using AutoKms.Api.Operations;
using Microsoft.AspNetCore.Mvc;

namespace AutoKms.Api.Controllers;

/// <summary>Keys: create, read, update, delete and rotate. Paths are case-insensitive (<c>/kms/Key</c> works).</summary>
[Route("kms/key")]
[Tags("Keys")]
public sealed class KeysController(KmsOperations operations) : KmsControllerBase(operations)
{
    /// <summary>Creates a key, or (with a JSON array) several keys atomically.</summary>
    /// <remarks>The body is a CreateKeyRequest object or an array of them; the answer has the same shape.</remarks>
    /// <response code="201">The created key (or array of keys).</response>
    /// <response code="409">A key with this name already exists.</response>
    [HttpPost("")]
    [Consumes("application/json")]
    [ProducesResponseType<KeyDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, "application/problem+json")]
    public async Task<IActionResult> CreateKey([FromBody] JsonElement body, CancellationToken cancellationToken)
    {
        var (created, single) = await Operations.CreateKeyAsync(body, cancellationToken);
        return single is null ? StatusCode(StatusCodes.Status201Created, created) : CreatedAtAction(nameof(GetKey), new { id = single.Id }, single);
    }

    /// <summary>Lists keys in creation order.</summary>
    /// <param name="name">Only the key with exactly this name.</param>
    /// <param name="status">Only keys with this status: enabled or disabled.</param>
    /// <param name="limit">At most this many keys (1 to 1000, default 100).</param>
    /// <param name="offset">Skip this many keys first (default 0).</param>
    /// <param name="cancellationToken">Aborts with the request.</param>
    [HttpGet("")]
    [ProducesResponseType<IReadOnlyList<KeyDto>>(StatusCodes.Status200OK)]
    public async Task<ActionResult<IReadOnlyList<KeyDto>>> ListKeys([FromQuery] string? name, [FromQuery] string? status, [FromQuery] int? limit, [FromQuery] int? offset, CancellationToken cancellationToken) =>
        Ok(await Operations.ListKeysAsync(name, status, limit, offset, cancellationToken));

    /// <summary>Reads one key.</summary>
    /// <response code="404">No such key (or it was deleted).</response>
    [HttpGet("{id}")]
    [ProducesResponseType<KeyDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<KeyDto>> GetKey(string id, CancellationToken cancellationToken) =>
        Ok(await Operations.GetKeyAsync(RouteIds.Key(id), cancellationToken));

    /// <summary>Changes a key's name and/or status (enabled, disabled).</summary>
    /// <response code="404">No such key.</response>
    /// <response code="409">The new name is taken.</response>
    [HttpPatch("{id}")]
    [Consumes("application/json")]
    [ProducesResponseType<KeyDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public async Task<ActionResult<KeyDto>> UpdateKey(string id, [FromBody] UpdateKeyRequest request, CancellationToken cancellationToken) =>
        Ok(await Operations.UpdateKeyAsync(RouteIds.Key(id), request, replace: false, cancellationToken));

    /// <summary>Replaces a key's name and status; both are required.</summary>
    /// <response code="404">No such key.</response>
    /// <response code="409">The new name is taken.</response>
    [HttpPut("{id}")]
    [Consumes("application/json")]
    [ProducesResponseType<KeyDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public async Task<ActionResult<KeyDto>> ReplaceKey(string id, [FromBody] UpdateKeyRequest request, CancellationToken cancellationToken) =>
        Ok(await Operations.UpdateKeyAsync(RouteIds.Key(id), request, replace: true, cancellationToken));

    /// <summary>Deletes a key; afterwards GET answers 404.</summary>
    /// <response code="200"><c>{"deleted": 1}</c></response>
    /// <response code="404">No such key.</response>
    [HttpDelete("{id}")]
    [ProducesResponseType<DeleteResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<DeleteResult>> DeleteKey(string id, CancellationToken cancellationToken) =>
        Ok(await Operations.DeleteKeyAsync(RouteIds.Key(id), cancellationToken));

    /// <summary>Changes several keys atomically (each item names its <c>id</c>).</summary>
    /// <response code="404">One of the keys does not exist; nothing changed.</response>
    [HttpPatch("")]
    [Consumes("application/json")]
    [ProducesResponseType<IReadOnlyList<KeyDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public async Task<ActionResult<IReadOnlyList<KeyDto>>> UpdateKeys([FromBody] List<UpdateKeyRequest?> requests, CancellationToken cancellationToken) =>
        Ok(await Operations.UpdateKeysAsync(requests, replace: false, cancellationToken));

    /// <summary>Replaces several keys' name and status atomically.</summary>
    /// <response code="404">One of the keys does not exist; nothing changed.</response>
    [HttpPut("")]
    [Consumes("application/json")]
    [ProducesResponseType<IReadOnlyList<KeyDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public async Task<ActionResult<IReadOnlyList<KeyDto>>> ReplaceKeys([FromBody] List<UpdateKeyRequest?> requests, CancellationToken cancellationToken) =>
        Ok(await Operations.UpdateKeysAsync(requests, replace: true, cancellationToken));

    /// <summary>Deletes several keys atomically: <c>{"ids": [...]}</c>.</summary>
    /// <response code="200"><c>{"deleted": n}</c></response>
    /// <response code="404">One of the keys does not exist; nothing was deleted.</response>
    [HttpDelete("")]
    [Consumes("application/json")]
    [ProducesResponseType<DeleteResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<DeleteResult>> DeleteKeys([FromBody] DeleteKeysRequest request, CancellationToken cancellationToken) =>
        Ok(await Operations.DeleteKeysAsync(request.Ids ?? [], cancellationToken));

    /// <summary>Rotates the key: a new version with fresh material becomes primary. Old ciphertexts keep decrypting with their version.</summary>
    /// <response code="201">Rotated; the body is empty and the key's primary_version went up by one.</response>
    /// <response code="404">No such key.</response>
    [HttpPost("{id}/rotate")]
    [ProducesResponseType(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<IActionResult> RotateKey(string id, CancellationToken cancellationToken)
    {
        await Operations.RotateKeyAsync(RouteIds.Key(id), cancellationToken);
        return StatusCode(StatusCodes.Status201Created);
    }
}
