namespace AutoKms.Application.Common.Models;

/// <summary>
/// What to list from the audit trail; <c>null</c> filters match everything. <paramref name="Since"/>
/// is stored-time text (<see cref="Auditing.AuditChain.FormatTime"/>) so it compares as the column does.
/// </summary>
public sealed record AuditFilter(string? KeyId, string? Principal, string? Operation, string? Since, long? BeforeSeq, int Limit);
