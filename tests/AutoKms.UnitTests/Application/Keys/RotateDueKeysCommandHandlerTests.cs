using AutoKms.Application.Keys.Commands.RotateDueKeys;
using AutoKms.Domain.Keys;
using AutoKms.UnitTests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace AutoKms.UnitTests.Application.Keys;

public sealed class RotateDueKeysCommandHandlerTests
{
    private readonly Fixture _fixture = new();

    private readonly List<string> _calls = [];

    private RotateDueKeysCommandHandler Handler => new(_fixture.Keys.Object, _fixture.Provisioning, _fixture.Clock, _fixture.Audit, NullLogger<RotateDueKeysCommandHandler>.Instance);

    [SetUp]
    public void RecordTransactionsAndSaves()
    {
        _fixture.UnitOfWork.Setup(u => u.BeginAsync(It.IsAny<CancellationToken>())).Callback(() => _calls.Add("begin")).Returns(Task.CompletedTask);
        _fixture.UnitOfWork.Setup(u => u.CommitAsync(It.IsAny<CancellationToken>())).Callback(() => _calls.Add("commit")).Returns(Task.CompletedTask);
        _fixture.UnitOfWork.Setup(u => u.RollbackAsync(It.IsAny<CancellationToken>())).Callback(() => _calls.Add("rollback")).Returns(Task.CompletedTask);
        _fixture.Keys.Setup(r => r.SaveAsync(It.IsAny<Key>(), It.IsAny<CancellationToken>())).Callback((Key k, CancellationToken _) => _calls.Add($"save {k.Name}")).Returns(Task.CompletedTask);
    }

    [Test]
    public async Task Handle_RotatesOnlyKeysWhoseRotationIsDueAtTheClock_EachInItsOwnTransaction()
    {
        var due = GivenKeyWithPeriod("due", days: 1);
        var notDue = GivenKeyWithPeriod("not-due", days: 30);
        var alsoDue = GivenKeyWithPeriod("also-due", days: 1);
        GivenRepositoryListsAsDue(due.Id, notDue.Id, alsoDue.Id);

        var rotated = await Handler.Handle(new RotateDueKeysCommand(), CancellationToken.None);

        Assert.That(rotated, Is.EqualTo(2));
        Assert.That(due.PrimaryVersion, Is.EqualTo(2));
        Assert.That(notDue.PrimaryVersion, Is.EqualTo(1));
        Assert.That(alsoDue.PrimaryVersion, Is.EqualTo(2));
        Assert.That(_calls, Is.EqualTo(new[] { "begin", "save due", "commit", "begin", "commit", "begin", "save also-due", "commit" }));
    }

    [Test]
    public async Task Handle_SchedulesTheNextRotation_OnePeriodAfterNow()
    {
        var due = GivenKeyWithPeriod("due", days: 1);
        GivenRepositoryListsAsDue(due.Id);

        await Handler.Handle(new RotateDueKeysCommand(), CancellationToken.None);

        Assert.That(due.NextRotationAt, Is.EqualTo(Fixture.Now.AddDays(1)));
        Assert.That(due.IsRotationDue(Fixture.Now), Is.False);
    }

    [Test]
    public async Task Handle_AsksTheRepositoryForKeysDueAtTheClock_WithTheLimit()
    {
        GivenRepositoryListsAsDue();

        var rotated = await Handler.Handle(new RotateDueKeysCommand(25), CancellationToken.None);

        Assert.That(rotated, Is.Zero);
        _fixture.Keys.Verify(r => r.FindDueForRotationAsync(Fixture.Now, 25, It.IsAny<CancellationToken>()), Times.Once);
        Assert.That(_calls, Is.Empty);
    }

    [Test]
    public async Task Handle_WhenAListedKeyIsGoneMeanwhile_SkipsIt()
    {
        var gone = Guid.NewGuid();
        _fixture.GivenNoKey(gone);
        var due = GivenKeyWithPeriod("due", days: 1);
        GivenRepositoryListsAsDue(gone, due.Id);

        var rotated = await Handler.Handle(new RotateDueKeysCommand(), CancellationToken.None);

        Assert.That(rotated, Is.EqualTo(1));
        Assert.That(_calls, Is.EqualTo(new[] { "begin", "save due", "commit" }));
    }

    [Test]
    public async Task Handle_WhenARotationFails_RollsBackThatKeysTransaction_AndStillRotatesTheOthers()
    {
        var broken = GivenKeyWithPeriod("broken", days: 1);
        var due = GivenKeyWithPeriod("due", days: 1);
        GivenRepositoryListsAsDue(broken.Id, due.Id);
        _fixture.Keys.Setup(r => r.SaveAsync(broken, It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("database down"));

        var rotated = await Handler.Handle(new RotateDueKeysCommand(), CancellationToken.None);

        Assert.That(rotated, Is.EqualTo(1));
        Assert.That(due.PrimaryVersion, Is.EqualTo(2));
        Assert.That(_calls, Is.EqualTo(new[] { "begin", "rollback", "begin", "save due", "commit" }));
    }

    /// <summary>A key created a day ago whose rotation period is <paramref name="days"/>: due now when the period is one day.</summary>
    private Key GivenKeyWithPeriod(string name, int days)
    {
        var key = _fixture.GivenKey(name: name);
        key.ChangeRotationPeriod(days, key.Primary.CreatedAt);
        return key;
    }

    private void GivenRepositoryListsAsDue(params Guid[] ids) =>
        _fixture.Keys.Setup(r => r.FindDueForRotationAsync(It.IsAny<DateTimeOffset>(), It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync(ids);
}
