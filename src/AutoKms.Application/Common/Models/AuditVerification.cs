namespace AutoKms.Application.Common.Models;

/// <summary>The result of checking the whole audit trail against its hash chain.</summary>
/// <param name="Ok">Every record is where the chain says and unchanged.</param>
/// <param name="Checked">How many records were read: all of them when <paramref name="Ok"/>, else up to and including the first bad one.</param>
/// <param name="FirstBadSeq">The first sequence number at which the stored trail differs from a valid chain (a changed record, or the place of a missing or moved one); <c>null</c> when <paramref name="Ok"/>.</param>
public sealed record AuditVerification(bool Ok, long Checked, long? FirstBadSeq);
