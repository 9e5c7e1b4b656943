using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.Audit.Queries.VerifyAuditTrail;

/// <summary>Checks every stored audit record against the hash chain, in <c>seq</c> order, stopping at the first bad one.</summary>
public sealed record VerifyAuditTrailQuery : IRequest<AuditVerification>
{
    /// <summary>How many records are read per round trip.</summary>
    public const int PageSize = 1000;
}
