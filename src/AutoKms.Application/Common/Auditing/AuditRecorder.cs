using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Common.Interfaces;

namespace AutoKms.Application.Common.Auditing;

/// <summary>
/// Runs one operation under the audit trail for the current caller (<see cref="ICallerContext"/>):
/// who, from where, under which request id. Used by the audit behaviour for every audited request
/// and by the service's scheduled work for each key it rotates or purges.
/// </summary>
public sealed class AuditRecorder(IAuditTrail trail, ICallerContext caller, AuditNotes notes, TimeProvider clock)
{
    /// <summary>
    /// Runs <paramref name="work"/> and records how it ended before returning or rethrowing. A
    /// state-changing operation is recorded twice, its intent before it runs and its outcome after,
    /// so a change is never made unrecorded. If the trail cannot be written this fails with
    /// <see cref="AuditUnavailableException"/> (fail closed; ADR 0014).
    /// </summary>
    public async Task<T> RunAsync<T>(AuditOperation operation, Guid? keyId, int? items, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(work);
        using var note = notes.Begin();
        if (operation.ChangesState)
        {
            // Before the change: if even this cannot be written, nothing is done.
            await RecordAsync(operation, keyId, null, items, AuditOutcomes.Started, cancellationToken).ConfigureAwait(false);
        }

        T result;
        try
        {
            result = await work().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not AuditUnavailableException)
        {
            // The refusal is recorded, then the original error goes on; a refusal that cannot be
            // recorded becomes an AuditUnavailableException like any other unrecorded answer.
            await RecordOutcomeAsync(operation, keyId ?? note.KeyId, note.Version, items, AuditOutcomes.Of(ex), changed: false).ConfigureAwait(false);
            throw;
        }

        await RecordOutcomeAsync(operation, keyId ?? note.KeyId, note.Version, items, AuditOutcomes.Ok, changed: operation.ChangesState).ConfigureAwait(false);
        return result;
    }

    /// <summary>Appends one record; durable when the task completes.</summary>
    public Task RecordAsync(AuditOperation operation, Guid? keyId, int? version, int? items, string outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return trail.RecordAsync(
            new AuditEntry(clock.GetUtcNow(), caller.Caller.Name, operation.Name, keyId, version, outcome, items, caller.RequestId, caller.ClientAddress),
            cancellationToken);
    }

    private async Task RecordOutcomeAsync(AuditOperation operation, Guid? keyId, int? version, int? items, string outcome, bool changed)
    {
        try
        {
            // Not the request's token: an outcome is recorded even for a client that has gone.
            await RecordAsync(operation, keyId, version, items, outcome, CancellationToken.None).ConfigureAwait(false);
        }
        catch (AuditUnavailableException ex) when (changed)
        {
            throw new AuditUnavailableException(AuditUnavailableException.ChangeMayHaveLandedMessage, ex.InnerException ?? ex);
        }
    }
}
