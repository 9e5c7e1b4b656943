using AutoKms.Application.Common;
using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Common.Models;
using AutoKms.Application.DeletedKeys.Commands.PurgeExpiredKeys;
using AutoKms.Application.DeletedKeys.Commands.PurgeKey;
using AutoKms.Application.DeletedKeys.Commands.RecoverKey;
using AutoKms.Application.DeletedKeys.Queries.ListDeletedKeys;
using AutoKms.Domain.Common;
using AutoKms.Domain.Keys;
using AutoKms.Domain.Keys.Exceptions;
using AutoKms.UnitTests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace AutoKms.UnitTests.Application.DeletedKeys;

public sealed class ListDeletedKeysQueryHandlerTests
{
    [Test]
    public async Task Handle_SetsPurgeAt_ToDeletedAtPlusTheRetentionDays_KeepingTheReadSidesOrder()
    {
        var fixture = new Fixture { Settings = new KmsSettings { DeletedKeyRetentionDays = 10 } };
        var first = new DeletedKeyDto { Id = Guid.NewGuid(), Name = "a", DeletedAt = Fixture.Now.AddDays(-3) };
        var second = new DeletedKeyDto { Id = Guid.NewGuid(), Name = "b", DeletedAt = Fixture.Now.AddHours(-1) };
        fixture.Reads.Setup(r => r.ListDeletedKeysAsync(It.IsAny<DateTimeOffset>(), It.IsAny<IReadOnlyList<string>>(), 20, 40, It.IsAny<CancellationToken>())).ReturnsAsync([first, second]);

        var result = await new ListDeletedKeysQueryHandler(fixture.Reads.Object, fixture.SettingsOptions, fixture.Clock, fixture.CallerContext.Object).Handle(new ListDeletedKeysQuery(20, 40), CancellationToken.None);

        Assert.That(result.Select(k => k.Id), Is.EqualTo(new[] { first.Id, second.Id }));
        Assert.That(result[0].PurgeAt, Is.EqualTo(Fixture.Now.AddDays(7)));
        Assert.That(result[1].PurgeAt, Is.EqualTo(Fixture.Now.AddHours(-1).AddDays(10)));
        Assert.That(result[0].DeletedAt, Is.EqualTo(first.DeletedAt));
        Assert.That(result[0].Name, Is.EqualTo("a"));
    }

    [Test]
    public async Task Handle_AsksTheReadSideForKeysDeletedAfterNowMinusTheRetention_WithThePageAsAsked()
    {
        var fixture = new Fixture { Settings = new KmsSettings { DeletedKeyRetentionDays = 2 } };
        var waiting = new DeletedKeyDto { Id = Guid.NewGuid(), DeletedAt = Fixture.Now.AddDays(-1) };
        fixture.Reads.Setup(r => r.ListDeletedKeysAsync(Fixture.Now.AddDays(-2), It.IsAny<IReadOnlyList<string>>(), 100, 0, It.IsAny<CancellationToken>())).ReturnsAsync([waiting]);

        var result = await new ListDeletedKeysQueryHandler(fixture.Reads.Object, fixture.SettingsOptions, fixture.Clock, fixture.CallerContext.Object).Handle(new ListDeletedKeysQuery(), CancellationToken.None);

        Assert.That(result.Select(k => k.Id), Is.EqualTo(new[] { waiting.Id }));
        fixture.Reads.Verify(r => r.ListDeletedKeysAsync(Fixture.Now.AddDays(-2), It.IsAny<IReadOnlyList<string>>(), 100, 0, It.IsAny<CancellationToken>()), Times.Once);
    }
}

public sealed class RecoverKeyCommandHandlerTests
{
    private readonly Fixture _fixture = new();

    private RecoverKeyCommandHandler Handler => new(_fixture.Keys.Object, _fixture.Clock, _fixture.Mapper, _fixture.SettingsOptions);

    [Test]
    public async Task Handle_RecoversTheDeletedKey_AndSavesIt()
    {
        var key = _fixture.GivenKey(name: "gone");
        key.Delete(Fixture.Now.AddDays(-2));
        _fixture.Keys.Setup(r => r.GetDeletedAsync(key.Id, It.IsAny<CancellationToken>())).ReturnsAsync(key);
        _fixture.GivenSavesSucceed();

        var dto = await Handler.Handle(new RecoverKeyCommand(key.Id), CancellationToken.None);

        Assert.That(dto.Id, Is.EqualTo(key.Id));
        Assert.That(dto.Name, Is.EqualTo("gone"));
        Assert.That(key.DeletedAt, Is.Null);
        Assert.That(key.UpdatedAt, Is.EqualTo(Fixture.Now));
        _fixture.Keys.Verify(r => r.SaveAsync(key, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void Handle_AfterTheRetentionWindow_ThrowsNotFound_EvenBeforeThePurgeRuns_AndSavesNothing()
    {
        var key = _fixture.GivenKey(name: "too-late");
        key.Delete(Fixture.Now.AddDays(-8));
        _fixture.Keys.Setup(r => r.GetDeletedAsync(key.Id, It.IsAny<CancellationToken>())).ReturnsAsync(key);

        var error = Assert.ThrowsAsync<KeyRetentionOverException>(() => Handler.Handle(new RecoverKeyCommand(key.Id), CancellationToken.None));

        Assert.That(error!.Kind, Is.EqualTo(DomainErrorKind.NotFound));
        Assert.That(error.Message, Does.Contain("retention window is over"));
        Assert.That(key.DeletedAt, Is.Not.Null);
        _fixture.Keys.Verify(r => r.SaveAsync(It.IsAny<Key>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public void Handle_WhenNoDeletedKeyHasThatId_ThrowsNotFound_AndSavesNothing()
    {
        var id = Guid.NewGuid();
        _fixture.Keys.Setup(r => r.GetDeletedAsync(id, It.IsAny<CancellationToken>())).ReturnsAsync((Key?)null);

        var error = Assert.ThrowsAsync<NotFoundException>(() => Handler.Handle(new RecoverKeyCommand(id), CancellationToken.None));
        Assert.That(error!.Message, Is.EqualTo("Deleted key not found"));
        _fixture.Keys.Verify(r => r.SaveAsync(It.IsAny<Key>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}

public sealed class PurgeKeyCommandHandlerTests
{
    private readonly Fixture _fixture = new();

    private PurgeKeyCommandHandler Handler => new(_fixture.Keys.Object);

    [Test]
    public async Task Handle_PurgesTheDeletedKey_AndAnswersOne()
    {
        var key = _fixture.GivenKey();
        key.Delete(Fixture.Now);
        _fixture.Keys.Setup(r => r.GetDeletedAsync(key.Id, It.IsAny<CancellationToken>())).ReturnsAsync(key);
        _fixture.Keys.Setup(r => r.PurgeAsync(key.Id, It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var result = await Handler.Handle(new PurgeKeyCommand(key.Id), CancellationToken.None);

        Assert.That(result.Deleted, Is.EqualTo(1));
        _fixture.Keys.Verify(r => r.PurgeAsync(key.Id, Fixture.Now, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void Handle_WhenNoDeletedKeyHasThatId_ThrowsNotFound_AndPurgesNothing()
    {
        var id = Guid.NewGuid();
        _fixture.Keys.Setup(r => r.GetDeletedAsync(id, It.IsAny<CancellationToken>())).ReturnsAsync((Key?)null);

        var error = Assert.ThrowsAsync<NotFoundException>(() => Handler.Handle(new PurgeKeyCommand(id), CancellationToken.None));
        Assert.That(error!.Message, Is.EqualTo("Deleted key not found"));
        _fixture.Keys.Verify(r => r.PurgeAsync(It.IsAny<Guid>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}

public sealed class PurgeExpiredKeysCommandHandlerTests
{
    private readonly Fixture _fixture = new() { Settings = new KmsSettings { DeletedKeyRetentionDays = 3 } };

    private PurgeExpiredKeysCommandHandler Handler => new(_fixture.Keys.Object, _fixture.UnitOfWork.Object, _fixture.Clock, _fixture.Audit, _fixture.SettingsOptions, NullLogger<PurgeExpiredKeysCommandHandler>.Instance);

    [Test]
    public async Task Handle_PurgesEveryKeyDeletedBeforeNowMinusTheRetention_AndAnswersHowMany()
    {
        IReadOnlyList<Guid> expired = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
        _fixture.Keys.Setup(r => r.FindDeletedBeforeAsync(It.IsAny<DateTimeOffset>(), It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync(expired);
        _fixture.Keys.Setup(r => r.PurgeAsync(It.IsAny<Guid>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var purged = await Handler.Handle(new PurgeExpiredKeysCommand(50), CancellationToken.None);

        Assert.That(purged, Is.EqualTo(3));
        _fixture.Keys.Verify(r => r.FindDeletedBeforeAsync(Fixture.Now.AddDays(-3), 50, It.IsAny<CancellationToken>()), Times.Once);
        foreach (var id in expired)
        {
            _fixture.Keys.Verify(r => r.PurgeAsync(id, Fixture.Now.AddDays(-3), It.IsAny<CancellationToken>()), Times.Once);
        }

        _fixture.Keys.Verify(r => r.PurgeAsync(It.IsAny<Guid>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Exactly(3));
    }

    [Test]
    public async Task Handle_WhenOnePurgeFails_StillPurgesTheOthers()
    {
        IReadOnlyList<Guid> expired = [Guid.NewGuid(), Guid.NewGuid()];
        _fixture.Keys.Setup(r => r.FindDeletedBeforeAsync(It.IsAny<DateTimeOffset>(), It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync(expired);
        _fixture.Keys.Setup(r => r.PurgeAsync(expired[0], It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("bad row"));
        _fixture.Keys.Setup(r => r.PurgeAsync(expired[1], It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var purged = await Handler.Handle(new PurgeExpiredKeysCommand(), CancellationToken.None);

        Assert.That(purged, Is.EqualTo(1));
        _fixture.Keys.Verify(r => r.PurgeAsync(expired[1], It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Handle_WhenNothingHasExpired_PurgesNothing_AndAnswersZero()
    {
        _fixture.Keys.Setup(r => r.FindDeletedBeforeAsync(It.IsAny<DateTimeOffset>(), It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);

        var purged = await Handler.Handle(new PurgeExpiredKeysCommand(), CancellationToken.None);

        Assert.That(purged, Is.Zero);
        _fixture.Keys.Verify(r => r.PurgeAsync(It.IsAny<Guid>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
