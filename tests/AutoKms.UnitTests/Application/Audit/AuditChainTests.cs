using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Models;

namespace AutoKms.UnitTests.Application.Audit;

public sealed class AuditChainTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 20, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public void Seal_MatchesTheDocumentedEncoding_ComputedIndependently()
    {
        // Expected values computed outside .NET (Python hashlib) from the encoding documented on AuditChain and in ADR 0014.
        var first = AuditChain.Seal(1, new AuditEntry(T0.AddTicks(1234567), "app-orders", "Encrypt", Guid.Parse("5e454eb6-7739-453b-9aee-21d60032a773"), 2, "ok", null, "req-1", null), AuditChain.GenesisHash);
        var second = AuditChain.Seal(2, new AuditEntry(T0.AddSeconds(1), "service", "ScheduledRotation", null, null, "started", null, "-", ""), first.Hash);

        Assert.That(first.Time, Is.EqualTo("2026-01-20T10:00:00.1234567Z"));
        Assert.That(first.Hash, Is.EqualTo("768c14306a506b3f00a4e8fe1cb82f8e4525b8cd8e0c35e5e8bdb77c0ce2eb84"));
        Assert.That(second.Hash, Is.EqualTo("abae610b29da45f32680e59bfc665ecfc252d5015368ef16677b4895000d3302"));
    }

    [Test]
    public void Hash_TellsNullFromEmpty_AndFieldBoundariesApart()
    {
        var record = Chain(1)[0];

        Assert.That(AuditChain.Hash(record with { ClientAddress = "" }, AuditChain.GenesisHash), Is.Not.EqualTo(record.Hash));
        Assert.That(
            AuditChain.Hash(record with { Principal = "ab", Operation = "c" }, AuditChain.GenesisHash),
            Is.Not.EqualTo(AuditChain.Hash(record with { Principal = "a", Operation = "bc" }, AuditChain.GenesisHash)));
    }

    [Test]
    public void Verifier_OnAnUnbrokenChain_IsOk_AndCountsEveryRecord()
    {
        var verifier = new AuditChainVerifier();

        Assert.That(Chain(5).All(verifier.Check), Is.True);
        Assert.That(verifier.Result, Is.EqualTo(new AuditVerification(true, 5, null)));
    }

    [Test]
    public void Verifier_OnAnEmptyTrail_IsOk()
    {
        Assert.That(new AuditChainVerifier().Result, Is.EqualTo(new AuditVerification(true, 0, null)));
    }

    [Test]
    public void Verifier_WhenARecordsFieldChanges_StopsAtThatRecord()
    {
        var chain = Chain(5);
        chain[2] = chain[2] with { Outcome = "denied" };

        Assert.That(Verify(chain), Is.EqualTo(new AuditVerification(false, 3, 3)));
    }

    [Test]
    public void Verifier_WhenARecordIsRemoved_NamesTheMissingSeq()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);

        Assert.That(Verify(chain), Is.EqualTo(new AuditVerification(false, 2, 2)));
    }

    [Test]
    public void Verifier_WhenTheFirstRecordIsRemoved_NamesSeqOne()
    {
        var chain = Chain(3);
        chain.RemoveAt(0);

        Assert.That(Verify(chain).FirstBadSeq, Is.EqualTo(1));
    }

    [Test]
    public void Verifier_WhenTwoRecordsSwapPlaces_StopsAtTheFirst()
    {
        var chain = Chain(5);
        (chain[1], chain[3]) = (chain[3] with { Seq = 2 }, chain[1] with { Seq = 4 });

        Assert.That(Verify(chain), Is.EqualTo(new AuditVerification(false, 2, 2)));
    }

    [Test]
    public void Verifier_WhenAHashIsRecomputedForAChangedRecord_StopsAtTheNextRecord()
    {
        var chain = Chain(4);
        var changed = chain[1] with { Principal = "mallory" };
        chain[1] = changed with { Hash = AuditChain.Hash(changed, chain[0].Hash) };

        Assert.That(Verify(chain), Is.EqualTo(new AuditVerification(false, 3, 3)));
    }

    [Test]
    public void Verifier_WhenAStoredHashIsNotHex_StopsThereWithoutThrowing()
    {
        var chain = Chain(3);
        chain[1] = chain[1] with { Hash = "not a hash" };

        Assert.That(Verify(chain), Is.EqualTo(new AuditVerification(false, 2, 2)));
    }

    private static AuditVerification Verify(IEnumerable<AuditRecord> records)
    {
        var verifier = new AuditChainVerifier();
        foreach (var record in records)
        {
            if (!verifier.Check(record))
            {
                break;
            }
        }

        return verifier.Result;
    }

    private static List<AuditRecord> Chain(int count)
    {
        var records = new List<AuditRecord>();
        var previous = AuditChain.GenesisHash;
        for (var seq = 1; seq <= count; seq++)
        {
            var record = AuditChain.Seal(seq, new AuditEntry(T0.AddSeconds(seq), "app", "Encrypt", Guid.NewGuid(), 1, "ok", null, $"req-{seq}", "127.0.0.1"), previous);
            records.Add(record);
            previous = record.Hash;
        }

        return records;
    }
}
