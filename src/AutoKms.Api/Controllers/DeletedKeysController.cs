using AutoKms.Api.Http;
using AutoKms.Api.Operations;
using AutoKms.Application.Common.Models;
using Microsoft.AspNetCore.Mvc;

namespace AutoKms.Api.Controllers;

/// <summary>Deleted keys wait out a retention window (Kms:DeletedKeyRetentionDays, default 7) before they are purged.</summary>
[Route("kms/deleted_key")]
[Tags("Deleted keys")]
public sealed class DeletedKeysController(KmsOperations operations) : KmsControllerBase(operations)
{
    /// <summary>Deleted keys that can still be recovered, with when each will be purged.</summary>
    /// <param name="limit">At most this many (1 to 1000, default 100).</param>
    /// <param name="offset">Skip this many first.</param>
    /// <param name="cancellationToken">Aborts with the request.</param>
    [HttpGet("")]
    [ProducesResponseType<IReadOnlyList<DeletedKeyDto>>(StatusCodes.Status200OK)]
    public async Task<ActionResult<IReadOnlyList<DeletedKeyDto>>> ListDeletedKeys([FromQuery] int? limit, [FromQuery] int? offset, CancellationToken cancellationToken) =>
        Ok(await Operations.ListDeletedKeysAsync(limit, offset, cancellationToken));

    /// <summary>Recovers a deleted key, versions and all.</summary>
    /// <response code="200">The key, live again.</response>
    /// <response code="404">No deleted key with this id (never existed, live, or already purged).</response>
    [HttpPost("{id}/recover")]
    [ProducesResponseType<KeyDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<KeyDto>> RecoverKey(string id, CancellationToken cancellationToken) =>
        Ok(await Operations.RecoverKeyAsync(RouteIds.Key(id), cancellationToken));

    /// <summary>Purges a deleted key now: its material is erased and its name is free again.</summary>
    /// <response code="200"><c>{"deleted": 1}</c></response>
    /// <response code="404">No deleted key with this id.</response>
    [HttpDelete("{id}")]
    [ProducesResponseType<DeleteResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<DeleteResult>> PurgeKey(string id, CancellationToken cancellationToken) =>
        Ok(await Operations.PurgeKeyAsync(RouteIds.Key(id), cancellationToken));
}
