using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using MediatR;

namespace AutoKms.Application.Audit.Queries.VerifyAuditTrail;

public sealed class VerifyAuditTrailQueryHandler(IAuditLog log) : IRequestHandler<VerifyAuditTrailQuery, AuditVerification>
{
    public async Task<AuditVerification> Handle(VerifyAuditTrailQuery request, CancellationToken cancellationToken)
    {
        var verifier = new AuditChainVerifier();
        long after = 0;
        while (true)
        {
            var page = await log.ReadAfterAsync(after, VerifyAuditTrailQuery.PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var record in page)
            {
                if (!verifier.Check(record))
                {
                    return verifier.Result;
                }
            }

            if (page.Count < VerifyAuditTrailQuery.PageSize)
            {
                return verifier.Result;
            }

            after = page[^1].Seq;
        }
    }
}
