using AutoKms.Application.Common.Models;

namespace AutoKms.Application.Common.Auditing;

/// <summary>
/// Walks the stored trail in sequence order and stops at the first record that is not where a
/// valid chain puts it: a sequence number out of place (a record removed or moved) or a hash that
/// does not match the record's fields and its predecessor (a record changed).
/// </summary>
public sealed class AuditChainVerifier
{
    private string _previousHash = AuditChain.GenesisHash;

    public long Checked { get; private set; }

    /// <summary>Where the chain broke, once it has.</summary>
    public long? FirstBadSeq { get; private set; }

    public long LastSeq { get; private set; }

    /// <summary>Checks the next record; answers whether to go on (false once the chain is broken).</summary>
    public bool Check(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (FirstBadSeq is not null)
        {
            return false;
        }

        Checked++;
        var expectedSeq = LastSeq + 1;
        if (record.Seq != expectedSeq)
        {
            // A gap: the missing record's place is where the trail went wrong.
            FirstBadSeq = Math.Min(expectedSeq, record.Seq);
            return false;
        }

        if (!string.Equals(AuditChain.Hash(record, _previousHash), record.Hash, StringComparison.Ordinal))
        {
            FirstBadSeq = record.Seq;
            return false;
        }

        LastSeq = record.Seq;
        _previousHash = record.Hash;
        return true;
    }

    public AuditVerification Result => new(FirstBadSeq is null, Checked, FirstBadSeq);
}
