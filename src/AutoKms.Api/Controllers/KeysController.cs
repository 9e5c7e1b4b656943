using System.Text.Json;
using AutoKms.Api.Contracts;
using AutoKms.Api.Http;
using AutoKms.Application.Common.Models;
using AutoKms.Application.Keys.Commands.CreateKey;
using AutoKms.Application.Keys.Commands.CreateKeys;
using AutoKms.Application.Keys.Commands.DeleteKeys;
using AutoKms.Application.Keys.Commands.RotateKey;
using AutoKms.Application.Keys.Commands.UpdateKey;
using AutoKms.Application.Keys.Commands.UpdateKeys;
using AutoKms.Application.Keys.Queries.GetKey;
using AutoKms.Application.Keys.Queries.ListKeys;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace AutoKms.Api.Controllers;

/// <summary>Keys: create, read, update, delete and rotate. Paths are case-insensitive (<c>/kms/Key</c> works).</summary>
[Route("kms/key")]
[Tags("Keys")]
public sealed class KeysController(IMediator mediator) : KmsControllerBase(mediator)
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
        if (body.ValueKind == JsonValueKind.Array)
        {
            var requests = ReadJson<List<CreateKeyRequest>>(body);
            var created = await Mediator.Send(new CreateKeysCommand(requests.Select((r, i) => ToCommand(r, i)).ToList()), cancellationToken);
            return StatusCode(StatusCodes.Status201Created, created);
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new Application.Common.Exceptions.InvalidRequestException("The request body must be a JSON object or an array of objects.");
        }

        var key = await Mediator.Send(ToCommand(ReadJson<CreateKeyRequest>(body)), cancellationToken);
        return CreatedAtAction(nameof(GetKey), new { id = key.Id }, key);
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
        Ok(await Mediator.Send(new ListKeysQuery(name, status, limit ?? ListKeysQuery.DefaultLimit, offset ?? 0), cancellationToken));

    /// <summary>Reads one key.</summary>
    /// <response code="404">No such key (or it was deleted).</response>
    [HttpGet("{id}")]
    [ProducesResponseType<KeyDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<KeyDto>> GetKey(string id, CancellationToken cancellationToken) =>
        Ok(await Mediator.Send(new GetKeyQuery(RouteIds.Key(id)), cancellationToken));

    /// <summary>Changes a key's name and/or status (enabled, disabled).</summary>
    /// <response code="404">No such key.</response>
    /// <response code="409">The new name is taken.</response>
    [HttpPatch("{id}")]
    [Consumes("application/json")]
    [ProducesResponseType<KeyDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public async Task<ActionResult<KeyDto>> UpdateKey(string id, [FromBody] UpdateKeyRequest request, CancellationToken cancellationToken) =>
        Ok(await Mediator.Send(ToCommand(RouteIds.Key(id), request, replace: false), cancellationToken));

    /// <summary>Replaces a key's name and status; both are required.</summary>
    /// <response code="404">No such key.</response>
    /// <response code="409">The new name is taken.</response>
    [HttpPut("{id}")]
    [Consumes("application/json")]
    [ProducesResponseType<KeyDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public async Task<ActionResult<KeyDto>> ReplaceKey(string id, [FromBody] UpdateKeyRequest request, CancellationToken cancellationToken) =>
        Ok(await Mediator.Send(ToCommand(RouteIds.Key(id), request, replace: true), cancellationToken));

    /// <summary>Deletes a key; afterwards GET answers 404.</summary>
    /// <response code="200"><c>{"deleted": 1}</c></response>
    /// <response code="404">No such key.</response>
    [HttpDelete("{id}")]
    [ProducesResponseType<DeleteResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<DeleteResult>> DeleteKey(string id, CancellationToken cancellationToken) =>
        Ok(await Mediator.Send(new DeleteKeysCommand([RouteIds.Key(id)]), cancellationToken));

    /// <summary>Changes several keys atomically (each item names its <c>id</c>).</summary>
    /// <response code="404">One of the keys does not exist; nothing changed.</response>
    [HttpPatch("")]
    [Consumes("application/json")]
    [ProducesResponseType<IReadOnlyList<KeyDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public async Task<ActionResult<IReadOnlyList<KeyDto>>> UpdateKeys([FromBody] List<UpdateKeyRequest> requests, CancellationToken cancellationToken) =>
        Ok(await Mediator.Send(ToBulkCommand(requests, replace: false), cancellationToken));

    /// <summary>Replaces several keys' name and status atomically.</summary>
    /// <response code="404">One of the keys does not exist; nothing changed.</response>
    [HttpPut("")]
    [Consumes("application/json")]
    [ProducesResponseType<IReadOnlyList<KeyDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public async Task<ActionResult<IReadOnlyList<KeyDto>>> ReplaceKeys([FromBody] List<UpdateKeyRequest> requests, CancellationToken cancellationToken) =>
        Ok(await Mediator.Send(ToBulkCommand(requests, replace: true), cancellationToken));

    /// <summary>Deletes several keys atomically: <c>{"ids": [...]}</c>.</summary>
    /// <response code="200"><c>{"deleted": n}</c></response>
    /// <response code="404">One of the keys does not exist; nothing was deleted.</response>
    [HttpDelete("")]
    [Consumes("application/json")]
    [ProducesResponseType<DeleteResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<DeleteResult>> DeleteKeys([FromBody] DeleteKeysRequest request, CancellationToken cancellationToken) =>
        Ok(await Mediator.Send(new DeleteKeysCommand((request.Ids ?? []).Select((id, i) => RouteIds.Parse(id, $"ids[{i}]", "key id")).ToList()), cancellationToken));

    /// <summary>Rotates the key: a new version with fresh material becomes primary. Old ciphertexts keep decrypting with their version.</summary>
    /// <response code="201">Rotated; the body is empty and the key's primary_version went up by one.</response>
    /// <response code="404">No such key.</response>
    [HttpPost("{id}/rotate")]
    [ProducesResponseType(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<IActionResult> RotateKey(string id, CancellationToken cancellationToken)
    {
        await Mediator.Send(new RotateKeyCommand(RouteIds.Key(id)), cancellationToken);
        return StatusCode(StatusCodes.Status201Created);
    }

    private static CreateKeyCommand ToCommand(CreateKeyRequest? request, int index) =>
        request is null ? throw NullItem(index) : new(request.Name!, request.Algorithm!, request.Usage);

    private static CreateKeyCommand ToCommand(CreateKeyRequest request) => ToCommand(request, 0);

    private static UpdateKeyCommand ToCommand(Guid id, UpdateKeyRequest request, bool replace) => new(id, request.Name, request.Status, replace);

    private static UpdateKeysCommand ToBulkCommand(List<UpdateKeyRequest> requests, bool replace) =>
        new(requests.Select((r, i) => r is null ? throw NullItem(i) : ToCommand(RouteIds.Parse(r.Id, $"[{i}].id", "key id"), r, replace)).ToList());

    private static FluentValidation.ValidationException NullItem(int index) =>
        new([new FluentValidation.Results.ValidationFailure($"[{index}]", "Each item must be a JSON object.")]);
}
