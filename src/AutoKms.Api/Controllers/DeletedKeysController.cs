using AutoKms.Api.Http;
using AutoKms.Api.Security;
using AutoKms.Application.Common.Models;
using AutoKms.Application.DeletedKeys.Commands.PurgeKey;
using AutoKms.Application.DeletedKeys.Commands.RecoverKey;
using AutoKms.Application.DeletedKeys.Queries.ListDeletedKeys;
using MediatR;
using AutoKms.Application.Common.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AutoKms.Api.Controllers;

/// <summary>Deleted keys wait out a retention window (Kms:DeletedKeyRetentionDays, default 7) before they are purged.</summary>
[Route("kms/deleted_key")]
[Tags("Deleted keys")]
[RouteIdName("key id")]
[RateLimitClass(RateLimitClasses.KeyWrites)]
public sealed class DeletedKeysController(IMediator mediator) : KmsControllerBase(mediator)
{
    /// <summary>Deleted keys that can still be recovered, with when each will be purged.</summary>
    /// <param name="limit">At most this many (1 to 1000, default 100).</param>
    /// <param name="offset">Skip this many first.</param>
    /// <param name="cancellationToken">Aborts with the request.</param>
    /// <response code="200">The deleted keys, oldest deletion first.</response>
    [HttpGet("")]
    [ProducesResponseType<IReadOnlyList<DeletedKeyDto>>(StatusCodes.Status200OK)]
    [Authorize(Policy = Scopes.KeysRead)]
    [RateLimitClass(RateLimitClasses.Reads)]
    public async Task<IReadOnlyList<DeletedKeyDto>> ListDeletedKeys([FromQuery] int? limit, [FromQuery] int? offset, CancellationToken cancellationToken) =>
        await Mediator.Send(new ListDeletedKeysQuery(limit ?? ListDeletedKeysQuery.DefaultLimit, offset ?? 0), cancellationToken);

    /// <summary>Recovers a deleted key, versions and all.</summary>
    /// <param name="id">The key id.</param>
    /// <param name="cancellationToken">Aborts with the request.</param>
    /// <response code="200">The key, live again.</response>
    /// <response code="404">No deleted key with this id (never existed, live, or already purged).</response>
    [HttpPost("{id}/recover")]
    [ProducesResponseType<KeyDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [Authorize(Policy = Scopes.KeysManage)]
    public async Task<KeyDto> RecoverKey(Guid id, CancellationToken cancellationToken) =>
        await Mediator.Send(new RecoverKeyCommand(id), cancellationToken);

    /// <summary>Purges a deleted key now: its material is erased and its name is free again.</summary>
    /// <param name="id">The key id.</param>
    /// <param name="cancellationToken">Aborts with the request.</param>
    /// <response code="200"><c>{"deleted": 1}</c></response>
    /// <response code="404">No deleted key with this id.</response>
    [HttpDelete("{id}")]
    [ProducesResponseType<DeleteResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [Authorize(Policy = Scopes.KeysManage)]
    public async Task<DeleteResult> PurgeKey(Guid id, CancellationToken cancellationToken) =>
        await Mediator.Send(new PurgeKeyCommand(id), cancellationToken);
}
