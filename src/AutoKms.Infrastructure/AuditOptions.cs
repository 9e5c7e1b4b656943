namespace AutoKms.Infrastructure;

/// <summary>The <c>Kms:Audit</c> settings.</summary>
public sealed class AuditOptions
{
    /// <summary>
    /// Whether records are written (default on). Off only for measuring what the trail costs: with
    /// it off nothing is recorded, allowed or denied, and GET /kms/audit shows only older records.
    /// </summary>
    public bool Enabled { get; set; } = true;
}
