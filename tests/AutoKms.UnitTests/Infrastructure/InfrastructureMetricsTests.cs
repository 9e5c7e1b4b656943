using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Cryptography;
using AutoKms.Domain.Keys;
using AutoKms.Infrastructure;
using AutoKms.Infrastructure.Crypto;
using AutoKms.Infrastructure.Persistence;
using AutoKms.Infrastructure.Persistence.Audit;
using AutoKms.UnitTests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace AutoKms.UnitTests.Infrastructure;

public sealed class InfrastructureMetricsTests
{
    private readonly MetricsRecorder _recorder = new();

    [TearDown]
    public void StopRecording() => _recorder.Dispose();

    [Test]
    public void The_crypto_provider_counts_each_operation_by_algorithm_and_operation()
    {
        var crypto = new SoftwareCryptoProvider(_recorder.Metrics);
        using var aes = new KeyMaterial(new byte[32]);
        using var ec = crypto.GenerateKeyMaterial(KeyAlgorithm.EcP256);

        var payload = crypto.Encrypt(KeyAlgorithm.Aes256Gcm, aes, [1, 2, 3], null);
        crypto.Decrypt(KeyAlgorithm.Aes256Gcm, aes, payload, null);
        var digest = new byte[32];
        var signature = crypto.SignDigest(KeyAlgorithm.EcP256, ec, digest);
        crypto.VerifyDigest(KeyAlgorithm.EcP256, ec, digest, signature);
        var mac = crypto.Mac(aes, [1]);
        crypto.VerifyMac(aes, [1], mac);

        var counted = _recorder.Of("autokms.crypto.operations").Select(c => (c.Tags["algorithm"], c.Tags["operation"], c.Value));
        Assert.That(counted, Is.EqualTo(new[]
        {
            ("EC_P256", "generate", 1d),
            ("AES256_GCM", "encrypt", 1d),
            ("AES256_GCM", "decrypt", 1d),
            ("EC_P256", "sign", 1d),
            ("EC_P256", "verify", 1d),
            ("HMAC_SHA256", "mac", 1d),
            ("HMAC_SHA256", "verify_mac", 1d),
        }));
    }

    [Test]
    public void A_failed_authentication_is_still_a_decrypt_counted()
    {
        var crypto = new SoftwareCryptoProvider(_recorder.Metrics);
        using var aes = new KeyMaterial(new byte[32]);
        var payload = crypto.Encrypt(KeyAlgorithm.Aes256Gcm, aes, [1, 2, 3], null);

        Assert.Throws<DecryptionFailedException>(() => crypto.Decrypt(KeyAlgorithm.Aes256Gcm, aes, payload, [9]));

        Assert.That(_recorder.Of("autokms.crypto.operations").Count(c => c.Tags["operation"] == "decrypt"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_database_call_records_its_duration_under_its_operation_even_when_it_fails_busy()
    {
        await PersistenceErrors.TranslateBusyAsync(() => Task.FromResult(1), _recorder.Metrics, "read");
        Assert.ThrowsAsync<DatabaseBusyException>(() => PersistenceErrors.TranslateBusyAsync(() => Task.FromException(new SqliteException("locked", 5)), _recorder.Metrics, "commit"));

        var calls = _recorder.Of("autokms.db.operation.duration");
        Assert.That(calls.Select(c => c.Tags["operation"]), Is.EqualTo(new[] { "read", "commit" }));
        Assert.That(calls.Select(c => c.Value), Is.All.GreaterThanOrEqualTo(0).And.All.LessThan(10));
    }

    [Test]
    public async Task A_session_times_begin_write_read_and_commit_at_the_one_door()
    {
        using var database = new SqliteDatabase("Data Source=:memory:");
        await using var session = new DbSession(database, new DatabaseActivity(), NullLogger<DbSession>.Instance, _recorder.Metrics);

        await session.BeginAsync(CancellationToken.None);
        await session.WriteAsync(async (connection, transaction) =>
        {
            await using var create = connection.CreateCommand();
            create.Transaction = (SqliteTransaction)transaction;
            create.CommandText = "CREATE TABLE t (x INTEGER)";
            await create.ExecuteNonQueryAsync();
        }, CancellationToken.None);
        await session.QueryAsync<long>("SELECT x FROM t", null, CancellationToken.None);
        await session.CommitAsync(CancellationToken.None);

        Assert.That(_recorder.Of("autokms.db.operation.duration").Select(c => c.Tags["operation"]), Is.EqualTo(new[] { "begin", "write", "read", "commit" }));
    }

    [Test]
    public async Task A_group_commit_records_its_size_and_each_records_wait_until_durable()
    {
        var appender = new Mock<IAuditLogAppender>();
        var release = new TaskCompletionSource();
        appender.Setup(a => a.AppendAsync(It.IsAny<IReadOnlyList<AuditEntry>>(), It.IsAny<CancellationToken>())).Returns(() => release.Task);
        var writer = new AuditLogWriter(appender.Object, Options.Create(new KmsOptions()), NullLogger<AuditLogWriter>.Instance, _recorder.Metrics);
        await writer.StartAsync(CancellationToken.None);

        var records = Enumerable.Range(0, 3).Select(n => writer.RecordAsync(Entry(n), CancellationToken.None)).ToList();
        await Task.Delay(30);
        release.SetResult();
        await Task.WhenAll(records);
        await writer.StopAsync(CancellationToken.None);

        var batches = _recorder.Of("autokms.audit.batch.records").Select(b => b.Value).ToList();
        Assert.That(batches.Sum(), Is.EqualTo(3), "every record is in some commit");
        var waits = _recorder.Of("autokms.audit.wait.duration");
        Assert.That(waits, Has.Count.EqualTo(3));
        Assert.That(waits.Max(w => w.Value), Is.GreaterThan(0.02).And.LessThan(10), "seconds from queued to durable");
    }

    [Test]
    public async Task A_flush_of_the_encryption_counter_records_how_many_versions_it_persisted()
    {
        using var database = new SqliteDatabase("Data Source=:memory:");
        await using var keep = await database.OpenAsync(CancellationToken.None);
        await using (var create = keep.CreateCommand())
        {
            create.CommandText = "CREATE TABLE key_versions (id BLOB PRIMARY KEY, encryptions INTEGER NOT NULL DEFAULT 0)";
            await create.ExecuteNonQueryAsync();
        }

        var counter = new BatchedEncryptionCounter(database, NullLogger<BatchedEncryptionCounter>.Instance, _recorder.Metrics);
        counter.Record(Guid.NewGuid(), 1);
        counter.Record(Guid.NewGuid(), 2);

        await counter.FlushAsync(CancellationToken.None);
        await counter.FlushAsync(CancellationToken.None);

        Assert.That(_recorder.Of("autokms.encryption_counter.flush.versions").Select(f => f.Value), Is.EqualTo(new[] { 2d }), "an empty flush records nothing");
    }

    private static AuditEntry Entry(int n) => new(DateTimeOffset.UnixEpoch, "app", "Encrypt", null, null, "ok", null, $"req-{n}", null);
}
