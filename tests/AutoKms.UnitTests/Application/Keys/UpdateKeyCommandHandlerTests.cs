using AutoKms.Application.Keys;
using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Keys.Commands.UpdateKey;
using AutoKms.Application.Keys.Commands.UpdateKeys;
using AutoKms.Domain.Keys;
using AutoKms.Domain.Keys.Exceptions;
using AutoKms.UnitTests.Support;
using Moq;

namespace AutoKms.UnitTests.Application.Keys;

public sealed class UpdateKeyCommandHandlerTests
{
    private readonly Fixture _fixture = new();

    private KeyUpdates Updates => new(_fixture.Keys.Object, _fixture.Access.Object, _fixture.Clock, _fixture.Mapper);

    private UpdateKeyCommandHandler Handler => new(Updates);

    [Test]
    public async Task Handle_WithNewFreeName_RenamesAndSaves()
    {
        var key = _fixture.GivenKey(name: "old");
        _fixture.Keys.Setup(r => r.NameExistsAsync("new", key.Id, It.IsAny<CancellationToken>())).ReturnsAsync(false);
        _fixture.GivenSavesSucceed();

        var dto = await Handler.Handle(new UpdateKeyCommand(key.Id, "new", null), CancellationToken.None);

        Assert.That(dto.Name, Is.EqualTo("new"));
        Assert.That(dto.Status, Is.EqualTo("enabled"));
        _fixture.Keys.Verify(r => r.SaveAsync(It.Is<Key>(k => k.Name == "new" && k.UpdatedAt == Fixture.Now), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Handle_WithStatusDisabled_DisablesTheKey()
    {
        var key = _fixture.GivenKey();
        _fixture.GivenSavesSucceed();

        var dto = await Handler.Handle(new UpdateKeyCommand(key.Id, null, "disabled"), CancellationToken.None);

        Assert.That(dto.Status, Is.EqualTo("disabled"));
        Assert.That(key.Status, Is.EqualTo(KeyStatus.Disabled));
    }

    [Test]
    public void Handle_WithNameAnotherKeyHolds_ThrowsConflict_AndSavesNothing()
    {
        var key = _fixture.GivenKey(name: "mine");
        _fixture.Keys.Setup(r => r.NameExistsAsync("theirs", key.Id, It.IsAny<CancellationToken>())).ReturnsAsync(true);

        Assert.ThrowsAsync<ConflictException>(() => Handler.Handle(new UpdateKeyCommand(key.Id, "theirs", null), CancellationToken.None));
        _fixture.Keys.Verify(r => r.SaveAsync(It.IsAny<Key>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public void Handle_WhenKeyUnknown_ThrowsKeyNotFound()
    {
        var id = Guid.NewGuid();
        _fixture.GivenNoKey(id);

        var error = Assert.ThrowsAsync<NotFoundException>(() => Handler.Handle(new UpdateKeyCommand(id, "x", null), CancellationToken.None));
        Assert.That(error!.Message, Is.EqualTo("Key not found"));
    }

    [Test]
    public async Task Handle_WithMinDecryptionVersion_SetsIt_AndSaves()
    {
        var key = _fixture.GivenKey(versions: 3);
        _fixture.GivenSavesSucceed();

        var dto = await Handler.Handle(new UpdateKeyCommand(key.Id, null, null, MinDecryptionVersion: 2), CancellationToken.None);

        Assert.That(dto.MinDecryptionVersion, Is.EqualTo(2));
        Assert.That(key.MinDecryptionVersion, Is.EqualTo(2));
        _fixture.Keys.Verify(r => r.SaveAsync(key, It.IsAny<CancellationToken>()), Times.Once);
    }

    [TestCase(0)]
    [TestCase(3)]
    public void Handle_WithMinDecryptionVersionOutsideOneToPrimary_ThrowsRuleViolation_AndSavesNothing(int minimum)
    {
        var key = _fixture.GivenKey(versions: 2);

        Assert.ThrowsAsync<KeyRuleViolationException>(() => Handler.Handle(new UpdateKeyCommand(key.Id, null, null, MinDecryptionVersion: minimum), CancellationToken.None));
        Assert.That(key.MinDecryptionVersion, Is.EqualTo(1));
        _fixture.Keys.Verify(r => r.SaveAsync(It.IsAny<Key>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Handle_WithRotationPeriodDays_SetsThePeriod_AndTheNextRotationFromThePrimarysCreation()
    {
        var key = _fixture.GivenKey();
        _fixture.GivenSavesSucceed();

        var dto = await Handler.Handle(new UpdateKeyCommand(key.Id, null, null, RotationPeriodDays: 30), CancellationToken.None);

        Assert.That(dto.RotationPeriodDays, Is.EqualTo(30));
        Assert.That(dto.NextRotationAt, Is.EqualTo(key.Primary.CreatedAt.AddDays(30)));
        Assert.That(key.RotationPeriodDays, Is.EqualTo(30));
    }

    [Test]
    public async Task Handle_WithRotationPeriodDaysZero_ClearsThePeriod()
    {
        var key = _fixture.GivenKey();
        key.ChangeRotationPeriod(30, Fixture.Now);
        _fixture.GivenSavesSucceed();

        var dto = await Handler.Handle(new UpdateKeyCommand(key.Id, null, null, RotationPeriodDays: 0), CancellationToken.None);

        Assert.That(dto.RotationPeriodDays, Is.Null);
        Assert.That(dto.NextRotationAt, Is.Null);
        Assert.That(key.RotationPeriodDays, Is.Null);
        Assert.That(key.NextRotationAt, Is.Null);
    }

    [Test]
    public async Task Handle_WithoutRotationPeriodDays_LeavesThePeriodAlone()
    {
        var key = _fixture.GivenKey();
        key.ChangeRotationPeriod(30, Fixture.Now);
        _fixture.GivenSavesSucceed();

        var dto = await Handler.Handle(new UpdateKeyCommand(key.Id, null, "enabled"), CancellationToken.None);

        Assert.That(dto.RotationPeriodDays, Is.EqualTo(30));
    }

    [Test]
    public async Task BulkHandle_UpdatesEveryKey()
    {
        var a = _fixture.GivenKey();
        var b = _fixture.GivenKey();
        _fixture.GivenSavesSucceed();
        var bulk = new UpdateKeysCommandHandler(Updates);

        var result = await bulk.Handle(new UpdateKeysCommand([new(a.Id, null, "disabled"), new(b.Id, null, "disabled")]), CancellationToken.None);

        Assert.That(result.Select(k => k.Status), Is.All.EqualTo("disabled"));
        _fixture.Keys.Verify(r => r.SaveAsync(It.IsAny<Key>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }
}
