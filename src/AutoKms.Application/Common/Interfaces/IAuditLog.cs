using AutoKms.Application.Common.Models;

namespace AutoKms.Application.Common.Interfaces;

/// <summary>Reads the stored audit trail, exactly as stored (the chain is checked against those bytes).</summary>
public interface IAuditLog
{
    /// <summary>Records matching every filter given, newest (highest <c>seq</c>) first.</summary>
    Task<IReadOnlyList<AuditRecord>> ListAsync(AuditFilter filter, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> records with <c>seq</c> above <paramref name="afterSeq"/>, in <c>seq</c> order.</summary>
    Task<IReadOnlyList<AuditRecord>> ReadAfterAsync(long afterSeq, int limit, CancellationToken cancellationToken);
}
