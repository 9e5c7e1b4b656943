using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Exceptions;
using AutoKms.Infrastructure;
using AutoKms.Infrastructure.Persistence.Audit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace AutoKms.UnitTests.Infrastructure;

public sealed class AuditLogWriterTests
{
    private readonly Mock<IAuditLogAppender> _appender = new(MockBehavior.Strict);

    private readonly List<IReadOnlyList<AuditEntry>> _batches = [];

    private static AuditEntry Entry(int n) => new(DateTimeOffset.UnixEpoch, "app", "Encrypt", null, null, "ok", null, $"req-{n}", null);

    [Test]
    public async Task Record_WhileABatchCommits_QueuesAndTheNextBatchTakesEveryPendingRecordInOneAppend()
    {
        var firstCommit = new TaskCompletionSource();
        var firstTaken = new TaskCompletionSource();
        var calls = 0;
        _appender.Setup(a => a.AppendAsync(It.IsAny<IReadOnlyList<AuditEntry>>(), It.IsAny<CancellationToken>()))
            .Returns((IReadOnlyList<AuditEntry> batch, CancellationToken _) =>
            {
                _batches.Add(batch);
                if (Interlocked.Increment(ref calls) == 1)
                {
                    firstTaken.SetResult();
                    return firstCommit.Task;
                }

                return Task.CompletedTask;
            });
        var writer = Writer();
        await writer.StartAsync(CancellationToken.None);

        var first = writer.RecordAsync(Entry(0), CancellationToken.None);
        await firstTaken.Task;
        var waiting = Enumerable.Range(1, 50).Select(n => writer.RecordAsync(Entry(n), CancellationToken.None)).ToList();

        Assert.That(first.IsCompleted, Is.False, "not complete before its batch commits");
        Assert.That(waiting.Any(t => t.IsCompleted), Is.False);
        firstCommit.SetResult();
        await first;
        await Task.WhenAll(waiting);

        Assert.That(_batches.Select(b => b.Count), Is.EqualTo(new[] { 1, 50 }), "one transaction for everything that queued meanwhile");
        Assert.That(_batches[1].Select(e => e.RequestId), Is.EqualTo(Enumerable.Range(1, 50).Select(n => $"req-{n}")), "in arrival order");
        await writer.StopAsync(CancellationToken.None);
    }

    [Test]
    public async Task Record_WhenTheAppendFails_FailsEveryWaiterOfThatBatch_AndTheNextBatchStillWrites()
    {
        var release = new TaskCompletionSource();
        var firstTaken = new TaskCompletionSource();
        var calls = 0;
        _appender.Setup(a => a.AppendAsync(It.IsAny<IReadOnlyList<AuditEntry>>(), It.IsAny<CancellationToken>()))
            .Returns(async (IReadOnlyList<AuditEntry> batch, CancellationToken _) =>
            {
                _batches.Add(batch);
                switch (Interlocked.Increment(ref calls))
                {
                    case 1:
                        firstTaken.SetResult();
                        await release.Task;
                        return;
                    case 2:
                        throw new IOException("disk full");
                }
            });
        var writer = Writer();
        await writer.StartAsync(CancellationToken.None);

        var blocker = writer.RecordAsync(Entry(0), CancellationToken.None);
        await firstTaken.Task;

        var doomed = Enumerable.Range(1, 5).Select(n => writer.RecordAsync(Entry(n), CancellationToken.None)).ToList();
        release.SetResult();
        await blocker;

        foreach (var waiter in doomed)
        {
            var error = Assert.ThrowsAsync<AuditUnavailableException>(() => waiter);
            Assert.That(error!.InnerException, Is.InstanceOf<IOException>());
        }

        await writer.RecordAsync(Entry(6), CancellationToken.None);
        Assert.That(_batches.Select(b => b.Count), Is.EqualTo(new[] { 1, 5, 1 }));
        await writer.StopAsync(CancellationToken.None);
    }

    [Test]
    public async Task Stop_RightAfterStart_WritesWhatIsQueued_ThenRefusesNewRecords()
    {
        _appender.Setup(a => a.AppendAsync(It.IsAny<IReadOnlyList<AuditEntry>>(), It.IsAny<CancellationToken>()))
            .Callback((IReadOnlyList<AuditEntry> batch, CancellationToken _) => _batches.Add(batch))
            .Returns(Task.CompletedTask);
        var writer = Writer();
        var queued = writer.RecordAsync(Entry(1), CancellationToken.None);
        await writer.StartAsync(CancellationToken.None);

        await writer.StopAsync(CancellationToken.None);

        await queued;
        Assert.ThrowsAsync<AuditUnavailableException>(() => writer.RecordAsync(Entry(2), CancellationToken.None));
    }

    [Test]
    public async Task Record_WhenDisabled_WritesNothing()
    {
        var writer = Writer(enabled: false);
        await writer.StartAsync(CancellationToken.None);

        await writer.RecordAsync(Entry(1), CancellationToken.None);

        _appender.Verify(a => a.AppendAsync(It.IsAny<IReadOnlyList<AuditEntry>>(), It.IsAny<CancellationToken>()), Times.Never);
        await writer.StopAsync(CancellationToken.None);
    }

    private AuditLogWriter Writer(bool enabled = true) =>
        new(_appender.Object, Options.Create(new KmsOptions { Audit = new AuditOptions { Enabled = enabled } }), NullLogger<AuditLogWriter>.Instance);
}
