using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Behaviours;
using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Cryptography.Commands.Encrypt;
using AutoKms.Application.Health.Queries.CheckHealth;
using AutoKms.Application.Keys.Commands.RotateKey;
using AutoKms.Domain.Keys.Exceptions;
using AutoKms.UnitTests.Support;
using FluentValidation;
using FluentValidation.Results;
using Moq;

namespace AutoKms.UnitTests.Application.Audit;

public sealed class AuditRecorderTests
{
    private readonly Fixture _fixture = new();

    private readonly List<AuditEntry> _written = [];

    [SetUp]
    public void RecordWrites()
    {
        _fixture.AuditTrail.Setup(t => t.RecordAsync(It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()))
            .Callback((AuditEntry e, CancellationToken _) => _written.Add(e))
            .Returns(Task.CompletedTask);
        _fixture.CallerContext.Setup(c => c.Caller).Returns(new AutoKms.Application.Common.Security.Caller("app-orders", new HashSet<string>(), []));
        _fixture.CallerContext.Setup(c => c.RequestId).Returns("req-7");
        _fixture.CallerContext.Setup(c => c.ClientAddress).Returns("10.1.2.3");
    }

    [Test]
    public async Task Handle_ReadOnlyOperationThatSucceeds_WritesOneOkRecordWithTheVersionItUsed()
    {
        var keyId = Guid.NewGuid();

        await Behaviour<EncryptCommand, int>().Handle(new EncryptCommand(keyId, [1], null), CancellationToken.None, () =>
        {
            _fixture.Notes.VersionUsed(keyId, 3);
            return Task.FromResult(0);
        });

        Assert.That(_written, Is.EqualTo(new[] { new AuditEntry(Fixture.Now, "app-orders", "Encrypt", keyId, 3, "ok", null, "req-7", "10.1.2.3") }));
    }

    [Test]
    public async Task Handle_StateChangingOperation_WritesItsIntentBeforeItRuns_AndItsOutcomeAfter()
    {
        var keyId = Guid.NewGuid();
        var writtenWhenRunning = -1;

        await Behaviour<RotateKeyCommand, int>().Handle(new RotateKeyCommand(keyId), CancellationToken.None, () =>
        {
            writtenWhenRunning = _written.Count;
            _fixture.Notes.VersionUsed(keyId, 2);
            return Task.FromResult(0);
        });

        Assert.That(writtenWhenRunning, Is.EqualTo(1));
        Assert.That(_written.Select(e => (e.Operation, e.KeyId, e.Version, e.Outcome)), Is.EqualTo(new[]
        {
            ("RotateKey", (Guid?)keyId, (int?)null, "started"),
            ("RotateKey", (Guid?)keyId, (int?)2, "ok"),
        }));
    }

    private static readonly object[] Failures =
    [
        new object[] { new NotFoundException("Key not found"), "not_found" },
        new object[] { new DecryptionFailedException(), "decryption_failed" },
        new object[] { new KeyDisabledException(), "refused" },
        new object[] { new ValidationException([new ValidationFailure("x", "bad")]), "invalid" },
        new object[] { new ConflictException("taken"), "conflict" },
        new object[] { new OperationCanceledException(), "cancelled" },
        new object[] { new InvalidOperationException("a bug"), "failed" },
    ];

    [TestCaseSource(nameof(Failures))]
    public void Handle_WhenTheOperationFails_RecordsTheErrorClass_AndRethrowsTheOriginal(Exception exception, string outcome)
    {
        var thrown = Assert.CatchAsync(() => Behaviour<EncryptCommand, int>().Handle(new EncryptCommand(Guid.NewGuid(), [1], null), CancellationToken.None, () => Task.FromException<int>(exception)));

        Assert.That(thrown, Is.SameAs(exception));
        Assert.That(_written.Single().Outcome, Is.EqualTo(outcome));
    }

    [Test]
    public void Handle_WhenTheIntentCannotBeWritten_DoesNotRunTheOperation_AndFailsClosed()
    {
        _fixture.AuditTrail.Setup(t => t.RecordAsync(It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>())).ThrowsAsync(new AuditUnavailableException());
        var ran = false;

        var thrown = Assert.ThrowsAsync<AuditUnavailableException>(() => Behaviour<RotateKeyCommand, int>().Handle(new RotateKeyCommand(Guid.NewGuid()), CancellationToken.None, () =>
        {
            ran = true;
            return Task.FromResult(0);
        }));

        Assert.That(ran, Is.False);
        Assert.That(thrown!.Message, Is.EqualTo(AuditUnavailableException.NotDoneMessage));
    }

    [Test]
    public void Handle_WhenAChangesOutcomeCannotBeWritten_FailsSayingTheChangeWasMade()
    {
        _fixture.AuditTrail.SetupSequence(t => t.RecordAsync(It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask)
            .ThrowsAsync(new AuditUnavailableException(new IOException("disk full")));

        var thrown = Assert.ThrowsAsync<AuditUnavailableException>(() => Behaviour<RotateKeyCommand, int>().Handle(new RotateKeyCommand(Guid.NewGuid()), CancellationToken.None, () => Task.FromResult(0)));

        Assert.That(thrown!.Message, Is.EqualTo(AuditUnavailableException.ChangeMayHaveLandedMessage));
        Assert.That(thrown.InnerException, Is.InstanceOf<IOException>());
    }

    [Test]
    public void Handle_WhenARefusalCannotBeWritten_FailsClosedInsteadOfAnsweringTheRefusal()
    {
        _fixture.AuditTrail.Setup(t => t.RecordAsync(It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>())).ThrowsAsync(new AuditUnavailableException());

        Assert.ThrowsAsync<AuditUnavailableException>(() => Behaviour<EncryptCommand, int>().Handle(new EncryptCommand(Guid.NewGuid(), [1], null), CancellationToken.None, () => Task.FromException<int>(new NotFoundException("Key not found"))));
    }

    [Test]
    public async Task Handle_RequestThatIsNotAudited_WritesNothing()
    {
        await Behaviour<CheckHealthQuery, int>().Handle(new CheckHealthQuery(), CancellationToken.None, () => Task.FromResult(0));

        Assert.That(_written, Is.Empty);
    }

    [Test]
    public async Task Notes_WhenARequestUsedSeveralVersions_ReportNoVersion()
    {
        var keyId = Guid.NewGuid();

        await Behaviour<EncryptCommand, int>().Handle(new EncryptCommand(keyId, [1], null), CancellationToken.None, () =>
        {
            _fixture.Notes.VersionUsed(keyId, 1);
            _fixture.Notes.VersionUsed(keyId, 2);
            return Task.FromResult(0);
        });

        Assert.That(_written.Single().Version, Is.Null);
    }

    private AuditBehaviour<TRequest, TResponse> Behaviour<TRequest, TResponse>()
        where TRequest : notnull => new(_fixture.Audit);
}
