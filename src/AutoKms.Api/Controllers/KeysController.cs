using AutoKms.Api.Contracts.Keys;
using AutoKms.Api.Http;
using AutoKms.Api.Security;
using AutoKms.Application.Common.Models;
using AutoKms.Application.Keys.Commands.DeleteKeys;
using AutoKms.Application.Keys.Commands.RotateKey;
using AutoKms.Application.Keys.Queries.GetKey;
using AutoKms.Application.Keys.Queries.ListKeys;
using MediatR;
using AutoKms.Application.Common.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AutoKms.Api.Controllers;

/// <summary>Keys: create, read, update, delete and rotate. Paths are case-insensitive (<c>/kms/Key</c> works).</summary>
[Route("kms/key")]
[Tags("Keys")]
[RouteIdName("key id")]
[RateLimitClass(RateLimitClasses.KeyWrites)]
public sealed class KeysController(IMediator mediator) : KmsControllerBase(mediator)
{
    /// <summary>Creates a key with its first version.</summary>
    /// <remarks>The original service's clients may also POST a JSON array here; it is served as CreateKeys.</remarks>
    /// <response code="201">The created key; Location names it.</response>
    /// <response code="409">A key with this name already exists.</response>
    [HttpPost("")]
    [Consumes("application/json")]
    [ProducesResponseType<KeyDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [Authorize(Policy = Scopes.KeysManage)]
    public async Task<CreatedAtActionResult> CreateKey([FromBody] CreateKeyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = await Mediator.Send(request.ToCommand(), cancellationToken);
        return CreatedAtAction(nameof(GetKey), new { id = key.Id }, key);
    }

    /// <summary>Creates several keys atomically: all of them or none.</summary>
    /// <response code="201">The created keys, in the order asked.</response>
    /// <response code="409">A name is taken (or repeated); nothing was created.</response>
    [HttpPost("batch")]
    [Consumes("application/json")]
    [ProducesResponseType<IReadOnlyList<KeyDto>>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [Authorize(Policy = Scopes.KeysManage)]
    public async Task<ObjectResult> CreateKeys([FromBody] List<CreateKeyRequest?> request, CancellationToken cancellationToken) =>
        StatusCode(StatusCodes.Status201Created, await Mediator.Send(CreateKeysRequest.ToCommand(request), cancellationToken));

    /// <summary>Lists keys in creation order.</summary>
    /// <param name="name">Only the key with exactly this name.</param>
    /// <param name="status">Only keys with this status: enabled or disabled.</param>
    /// <param name="limit">At most this many keys (1 to 1000, default 100).</param>
    /// <param name="offset">Skip this many keys first (default 0).</param>
    /// <param name="cancellationToken">Aborts with the request.</param>
    /// <response code="200">The keys.</response>
    [HttpGet("")]
    [ProducesResponseType<IReadOnlyList<KeyDto>>(StatusCodes.Status200OK)]
    [Authorize(Policy = Scopes.KeysRead)]
    [RateLimitClass(RateLimitClasses.Reads)]
    public async Task<IReadOnlyList<KeyDto>> ListKeys([FromQuery] string? name, [FromQuery] string? status, [FromQuery] int? limit, [FromQuery] int? offset, CancellationToken cancellationToken) =>
        await Mediator.Send(new ListKeysQuery(name, status, limit ?? ListKeysQuery.DefaultLimit, offset ?? 0), cancellationToken);

    /// <summary>Reads one key.</summary>
    /// <param name="id">The key id.</param>
    /// <param name="cancellationToken">Aborts with the request.</param>
    /// <response code="200">The key.</response>
    /// <response code="404">No such key (or it was deleted).</response>
    [HttpGet("{id}")]
    [ProducesResponseType<KeyDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [Authorize(Policy = Scopes.KeysRead)]
    [RateLimitClass(RateLimitClasses.Reads)]
    public async Task<KeyDto> GetKey(Guid id, CancellationToken cancellationToken) => await Mediator.Send(new GetKeyQuery(id), cancellationToken);

    /// <summary>Changes the fields given: name, status, min_decryption_version, rotation_period_days.</summary>
    /// <param name="id">The key id.</param>
    /// <param name="request">The fields to change.</param>
    /// <param name="cancellationToken">Aborts with the request.</param>
    /// <response code="200">The key as changed.</response>
    /// <response code="404">No such key.</response>
    /// <response code="409">The new name is taken.</response>
    [HttpPatch("{id}")]
    [Consumes("application/json")]
    [ProducesResponseType<KeyDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [Authorize(Policy = Scopes.KeysManage)]
    public async Task<KeyDto> UpdateKey(Guid id, [FromBody] UpdateKeyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await Mediator.Send(request.ToCommand(id, replace: false), cancellationToken);
    }

    /// <summary>Replaces a key's name and status; both are required.</summary>
    /// <param name="id">The key id.</param>
    /// <param name="request">The key's name and status (other writable fields optional).</param>
    /// <param name="cancellationToken">Aborts with the request.</param>
    /// <response code="200">The key as replaced.</response>
    /// <response code="404">No such key.</response>
    /// <response code="409">The new name is taken.</response>
    [HttpPut("{id}")]
    [Consumes("application/json")]
    [ProducesResponseType<KeyDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [Authorize(Policy = Scopes.KeysManage)]
    public async Task<KeyDto> ReplaceKey(Guid id, [FromBody] UpdateKeyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await Mediator.Send(request.ToCommand(id, replace: true), cancellationToken);
    }

    /// <summary>Deletes a key; afterwards GET answers 404. It stays recoverable for the retention window.</summary>
    /// <param name="id">The key id.</param>
    /// <param name="cancellationToken">Aborts with the request.</param>
    /// <response code="200"><c>{"deleted": 1}</c></response>
    /// <response code="404">No such key.</response>
    [HttpDelete("{id}")]
    [ProducesResponseType<DeleteResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [Authorize(Policy = Scopes.KeysManage)]
    public async Task<DeleteResult> DeleteKey(Guid id, CancellationToken cancellationToken) =>
        await Mediator.Send(new DeleteKeysCommand([id]), cancellationToken);

    /// <summary>Changes several keys atomically (each item names its <c>id</c>).</summary>
    /// <response code="200">The keys as changed, in the order asked.</response>
    /// <response code="404">One of the keys does not exist; nothing changed.</response>
    /// <response code="409">A new name is taken; nothing changed.</response>
    [HttpPatch("")]
    [Consumes("application/json")]
    [ProducesResponseType<IReadOnlyList<KeyDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [Authorize(Policy = Scopes.KeysManage)]
    public async Task<IReadOnlyList<KeyDto>> UpdateKeys([FromBody] List<UpdateKeyRequest?> request, CancellationToken cancellationToken) =>
        await Mediator.Send(UpdateKeysRequest.ToCommand(request, replace: false), cancellationToken);

    /// <summary>Replaces several keys' name and status atomically (each item names its <c>id</c>).</summary>
    /// <response code="200">The keys as replaced, in the order asked.</response>
    /// <response code="404">One of the keys does not exist; nothing changed.</response>
    /// <response code="409">A new name is taken; nothing changed.</response>
    [HttpPut("")]
    [Consumes("application/json")]
    [ProducesResponseType<IReadOnlyList<KeyDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [Authorize(Policy = Scopes.KeysManage)]
    public async Task<IReadOnlyList<KeyDto>> ReplaceKeys([FromBody] List<UpdateKeyRequest?> request, CancellationToken cancellationToken) =>
        await Mediator.Send(UpdateKeysRequest.ToCommand(request, replace: true), cancellationToken);

    /// <summary>Deletes several keys atomically: <c>{"ids": [...]}</c>.</summary>
    /// <response code="200"><c>{"deleted": n}</c></response>
    /// <response code="404">One of the keys does not exist; nothing was deleted.</response>
    [HttpDelete("")]
    [Consumes("application/json")]
    [ProducesResponseType<DeleteResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [Authorize(Policy = Scopes.KeysManage)]
    public async Task<DeleteResult> DeleteKeys([FromBody] DeleteKeysRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await Mediator.Send(request.ToCommand(), cancellationToken);
    }

    /// <summary>Rotates the key: a new version with fresh material becomes primary. Old ciphertexts keep decrypting with their version.</summary>
    /// <param name="id">The key id.</param>
    /// <param name="cancellationToken">Aborts with the request.</param>
    /// <response code="201">Rotated; no body. The key's primary_version went up by one.</response>
    /// <response code="404">No such key.</response>
    [HttpPost("{id}/rotate")]
    [ProducesResponseType(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [Authorize(Policy = Scopes.KeysManage)]
    public async Task<StatusCodeResult> RotateKey(Guid id, CancellationToken cancellationToken)
    {
        await Mediator.Send(new RotateKeyCommand(id), cancellationToken);
        return StatusCode(StatusCodes.Status201Created);
    }
}
