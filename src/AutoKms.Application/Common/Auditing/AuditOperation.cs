namespace AutoKms.Application.Common.Auditing;

/// <summary>
/// An operation as the audit trail names it. <paramref name="ChangesState"/> operations get an
/// intent record (<see cref="AuditOutcomes.Started"/>) before they run, so a change whose outcome
/// record could not be written still shows in the trail (ADR 0014).
/// </summary>
public sealed record AuditOperation(string Name, bool ChangesState);
