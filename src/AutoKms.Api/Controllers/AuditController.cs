using AutoKms.Api.Security;
using AutoKms.Application.Audit.Queries.ListAuditRecords;
using AutoKms.Application.Audit.Queries.VerifyAuditTrail;
using AutoKms.Application.Common.Models;
using AutoKms.Application.Common.Security;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AutoKms.Api.Controllers;

/// <summary>
/// The audit trail: one record per key, token and crypto operation, allowed or refused, each
/// chained to the one before by a SHA-256 hash. Reading it is not itself recorded, so it still
/// works when the trail cannot be written.
/// </summary>
[Route("kms/audit")]
[Tags("Audit")]
[Authorize(Policy = Scopes.Admin)]
[RateLimitClass(RateLimitClasses.Admin)]
public sealed class AuditController(IMediator mediator) : KmsControllerBase(mediator)
{
    /// <summary>Lists audit records, newest (highest seq) first.</summary>
    /// <param name="keyId">Only records about this key (query parameter <c>key_id</c>).</param>
    /// <param name="principal">Only records of this caller.</param>
    /// <param name="operation">Only this operation (CreateKey, Encrypt, Decrypt, RotateKey, ...).</param>
    /// <param name="since">Only records at or after this time (ISO 8601, e.g. <c>2026-01-20T10:00:00Z</c>).</param>
    /// <param name="beforeSeq">Only records with a lower seq (query parameter <c>before_seq</c>): pass the last seq of a page to get the next, older one.</param>
    /// <param name="limit">At most this many records (1 to 1000, default 100).</param>
    /// <param name="cancellationToken">Aborts with the request.</param>
    /// <response code="200">The records, highest seq first.</response>
    [HttpGet("")]
    [ProducesResponseType<IReadOnlyList<AuditRecord>>(StatusCodes.Status200OK)]
    public async Task<IReadOnlyList<AuditRecord>> ListAuditRecords(
        [FromQuery(Name = "key_id")] Guid? keyId,
        [FromQuery] string? principal,
        [FromQuery] string? operation,
        [FromQuery] DateTimeOffset? since,
        [FromQuery(Name = "before_seq")] long? beforeSeq,
        [FromQuery] int? limit,
        CancellationToken cancellationToken) =>
        await Mediator.Send(new ListAuditRecordsQuery(keyId, principal, operation, since, beforeSeq, limit ?? ListAuditRecordsQuery.DefaultLimit), cancellationToken);

    /// <summary>Checks the whole trail against its hash chain.</summary>
    /// <remarks>
    /// Recomputes every record's hash from its stored fields and its predecessor's hash, in seq
    /// order, and stops at the first record that does not match: a changed byte in any field, a
    /// removed record (a gap in seq) or records moved out of order. Removing records from the end
    /// leaves a valid, shorter chain: compare the newest record's hash with one kept elsewhere.
    /// </remarks>
    /// <param name="cancellationToken">Aborts with the request.</param>
    /// <response code="200"><c>ok</c>, how many records were <c>checked</c>, and <c>first_bad_seq</c> (null when ok).</response>
    [HttpGet("verify")]
    [ProducesResponseType<AuditVerification>(StatusCodes.Status200OK)]
    public async Task<AuditVerification> VerifyAuditTrail(CancellationToken cancellationToken) =>
        await Mediator.Send(new VerifyAuditTrailQuery(), cancellationToken);
}
