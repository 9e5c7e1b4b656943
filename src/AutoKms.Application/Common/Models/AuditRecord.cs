namespace AutoKms.Application.Common.Models;

/// <summary>
/// One record of the audit trail, exactly as stored: its text fields are the bytes the chain hash
/// covers (<see cref="Auditing.AuditChain"/>), so verification never re-formats what it checks.
/// </summary>
/// <param name="Seq">Position in the trail: 1, 2, 3, ... with no gaps.</param>
/// <param name="Time">UTC, <c>yyyy-MM-ddTHH:mm:ss.fffffffZ</c>.</param>
/// <param name="Principal">Who asked (a name, never a credential).</param>
/// <param name="Operation">The operation's stable name (CreateKey, Encrypt, Decrypt, ...).</param>
/// <param name="KeyId">The key, when the operation was about exactly one.</param>
/// <param name="Version">The key version used or made, when exactly one.</param>
/// <param name="Outcome">ok, started, denied, unauthenticated, invalid, not_found, conflict, refused, decryption_failed, busy, cancelled or failed.</param>
/// <param name="Items">How many items a batch or bulk request carried.</param>
/// <param name="RequestId">The request id the client was answered with.</param>
/// <param name="ClientAddress">The client's IP address.</param>
/// <param name="Hash">SHA-256 (lowercase hex) over this record's canonical encoding and the previous record's hash.</param>
public sealed record AuditRecord(
    long Seq,
    string Time,
    string Principal,
    string Operation,
    string? KeyId,
    long? Version,
    string Outcome,
    long? Items,
    string? RequestId,
    string? ClientAddress,
    string Hash);
