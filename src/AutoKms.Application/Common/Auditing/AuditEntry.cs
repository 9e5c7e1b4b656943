namespace AutoKms.Application.Common.Auditing;

/// <summary>
/// One event for the audit trail, before it has a place in the chain: who did what to which key
/// and how it ended. Never plaintext, key material, tokens or AAD: only names, ids and counts.
/// </summary>
/// <param name="Time">When the outcome was known (the intent's time for <see cref="AuditOutcomes.Started"/>).</param>
/// <param name="Principal">The caller's name (<see cref="Security.Caller.Name"/>), never a credential.</param>
/// <param name="Operation">A stable name from <see cref="AuditOperations"/>.</param>
/// <param name="KeyId">The key the operation was about, when it was about one key.</param>
/// <param name="Version">The key version it used or made, when it used exactly one.</param>
/// <param name="Outcome">One of <see cref="AuditOutcomes"/>.</param>
/// <param name="Items">How many items a batch or bulk request carried; <c>null</c> for a single item.</param>
/// <param name="RequestId">The request id the client was answered with.</param>
/// <param name="ClientAddress">The client's IP address, when there is one.</param>
public sealed record AuditEntry(
    DateTimeOffset Time,
    string Principal,
    string Operation,
    Guid? KeyId,
    int? Version,
    string Outcome,
    int? Items,
    string? RequestId,
    string? ClientAddress);
