using System.Data.Common;
using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Models;
using AutoKms.Infrastructure.Persistence.Audit;
using AutoKms.IntegrationTests.Support;
using Dapper;

namespace AutoKms.IntegrationTests.Storage;

/// <summary>The hash-chained audit trail's storage, the same on every provider.</summary>
[TestFixture(TestDatabase.Sqlite)]
[TestFixture(TestDatabase.Postgres)]
public sealed class AuditLogContractTests(string provider) : StorageContractTest(provider)
{
    private readonly Guid _keyId = Guid.NewGuid();

    [Test, Order(1)]
    public async Task Batches_appended_read_back_exactly_as_hashed_and_the_chain_verifies()
    {
        await using (var appender = new AuditLogAppender(Database))
        {
            await appender.AppendAsync([Entry("CreateKey", _keyId, 1, Now.AddTicks(1)), Entry("Encrypt", _keyId, 1, Now.AddTicks(1_234_567))], CancellationToken.None);
            await appender.AppendAsync([Entry("ListKeys", null, null, Now.AddSeconds(1)), Entry("Decrypt", _keyId, 1, Now.AddSeconds(2), items: 3)], CancellationToken.None);
        }

        await using var session = NewSession();
        var records = await new AuditLogReader(session).ReadAfterAsync(0, 100, CancellationToken.None);
        var verifier = new AuditChainVerifier();
        var intact = records.All(verifier.Check);

        Assert.That(records.Select(r => r.Seq), Is.EqualTo(new long[] { 1, 2, 3, 4 }));
        Assert.That(intact, Is.True, $"the chain broke at {verifier.FirstBadSeq}");
        Assert.Multiple(() =>
        {
            Assert.That(records[1].Time, Is.EqualTo("2026-01-01T00:00:00.1234567Z"), "seven digits, as hashed");
            Assert.That(records[1].KeyId, Is.EqualTo(_keyId.ToString("D")));
            Assert.That(records[2].KeyId, Is.Null);
            Assert.That(records[3].Items, Is.EqualTo(3));
            Assert.That(records[3].Version, Is.EqualTo(1));
            Assert.That(records[3].ClientAddress, Is.EqualTo("127.0.0.1"));
        });
    }

    [Test, Order(2)]
    public async Task The_list_filters_by_key_principal_operation_time_and_position_newest_first()
    {
        await using var session = NewSession();
        var reader = new AuditLogReader(session);

        var ofKey = await reader.ListAsync(new AuditFilter(_keyId.ToString("D"), null, null, null, null, 100), CancellationToken.None);
        var ofOperation = await reader.ListAsync(new AuditFilter(null, "alice", "Encrypt", null, null, 100), CancellationToken.None);
        var since = await reader.ListAsync(new AuditFilter(null, null, null, AuditChain.FormatTime(Now.AddSeconds(1)), null, 100), CancellationToken.None);
        var before = await reader.ListAsync(new AuditFilter(null, null, null, null, 3, 1), CancellationToken.None);
        var nobody = await reader.ListAsync(new AuditFilter(Guid.NewGuid().ToString("D"), null, null, null, null, 100), CancellationToken.None);

        Assert.That(ofKey.Select(r => r.Seq), Is.EqualTo(new long[] { 4, 2, 1 }));
        Assert.That(ofOperation.Select(r => r.Seq), Is.EqualTo(new long[] { 2 }));
        Assert.That(since.Select(r => r.Seq), Is.EqualTo(new long[] { 4, 3 }));
        Assert.That(before.Select(r => r.Seq), Is.EqualTo(new long[] { 2 }));
        Assert.That(nobody, Is.Empty);
    }

    [Test, Order(3)]
    public async Task Stored_records_cannot_be_changed_or_removed()
    {
        await using var connection = await Database.OpenConnectionAsync(CancellationToken.None);

        Assert.ThrowsAsync(Is.InstanceOf<DbException>(), () => connection.ExecuteAsync("UPDATE audit_log SET principal = 'mallory' WHERE seq = 1"));
        Assert.ThrowsAsync(Is.InstanceOf<DbException>(), () => connection.ExecuteAsync("DELETE FROM audit_log WHERE seq = 1"));
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_log"), Is.EqualTo(4));
    }

    [Test, Order(4)]
    public async Task Two_appenders_at_once_keep_one_unbroken_chain()
    {
        // Two instances of the service writing to one database each have an appender of their own.
        await using var first = new AuditLogAppender(Database);
        await using var second = new AuditLogAppender(Database);
        await Task.WhenAll(Task.Run(() => AppendTenBatchesAsync(first)), Task.Run(() => AppendTenBatchesAsync(second)));

        await using var session = NewSession();
        var records = await new AuditLogReader(session).ReadAfterAsync(0, 1000, CancellationToken.None);
        var verifier = new AuditChainVerifier();

        Assert.That(records.All(verifier.Check), Is.True, $"the chain broke at {verifier.FirstBadSeq}");
        Assert.That(records, Has.Count.EqualTo(44));
    }

    // An appender serves one batch at a time (the writer's loop); two appenders run side by side.
    private async Task AppendTenBatchesAsync(AuditLogAppender appender)
    {
        for (var i = 0; i < 10; i++)
        {
            await appender.AppendAsync([Entry("Encrypt", _keyId, 1, Now.AddMinutes(i)), Entry("Decrypt", _keyId, 1, Now.AddMinutes(i))], CancellationToken.None);
        }
    }

    private static AuditEntry Entry(string operation, Guid? keyId, int? version, DateTimeOffset time, int? items = null) =>
        new(time, operation == "Encrypt" ? "alice" : "bob", operation, keyId, version, AuditOutcomes.Ok, items, "req-1", "127.0.0.1");
}
