using AutoKms.Application.KeyVersions;
using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Common.Models;
using AutoKms.Application.KeyVersions.Commands.CreateKeyVersion;
using AutoKms.Application.KeyVersions.Commands.DestroyKeyVersion;
using AutoKms.Application.KeyVersions.Commands.UpdateKeyVersion;
using AutoKms.Application.KeyVersions.Queries.GetKeyVersion;
using AutoKms.Application.KeyVersions.Queries.ListKeyVersions;
using AutoKms.Domain.Keys;
using AutoKms.Domain.Keys.Exceptions;
using AutoKms.UnitTests.Support;
using Moq;

namespace AutoKms.UnitTests.Application.KeyVersions;

public sealed class CreateKeyVersionCommandHandlerTests
{
    [Test]
    public async Task Handle_CreatesTheNextVersion_AsPrimary()
    {
        var fixture = new Fixture();
        var key = fixture.GivenKey(versions: 2);
        fixture.GivenSavesSucceed();

        var version = await new CreateKeyVersionCommandHandler(fixture.Provisioning, fixture.Mapper)
            .Handle(new CreateKeyVersionCommand(key.Id), CancellationToken.None);

        Assert.That(version.Version, Is.EqualTo(3));
        Assert.That(version.Status, Is.EqualTo("enabled"));
        Assert.That(key.PrimaryVersion, Is.EqualTo(3));
        fixture.Keys.Verify(r => r.SaveAsync(key, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void Handle_WhenKeyUnknown_ThrowsKeyNotFound()
    {
        var fixture = new Fixture();
        var id = Guid.NewGuid();
        fixture.GivenNoKey(id);

        Assert.ThrowsAsync<NotFoundException>(() => new CreateKeyVersionCommandHandler(fixture.Provisioning, fixture.Mapper)
            .Handle(new CreateKeyVersionCommand(id), CancellationToken.None));
    }
}

public sealed class UpdateKeyVersionCommandHandlerTests
{
    [Test]
    public async Task Handle_DisablesANonPrimaryVersion_AndSaves()
    {
        var fixture = new Fixture();
        var key = fixture.GivenKey(versions: 2);
        fixture.GivenSavesSucceed();
        var v1 = key.FindVersion(1);

        var dto = await new UpdateKeyVersionCommandHandler(new KeyVersionUpdates(fixture.Keys.Object, fixture.Clock, fixture.Mapper, fixture.Notes))
            .Handle(new UpdateKeyVersionCommand(v1.Id, "disabled"), CancellationToken.None);

        Assert.That(dto.Status, Is.EqualTo("disabled"));
        Assert.That(v1.Status, Is.EqualTo(KeyVersionStatus.Disabled));
        fixture.Keys.Verify(r => r.SaveAsync(key, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void Handle_OnThePrimaryVersion_ThrowsRuleViolation_AndSavesNothing()
    {
        var fixture = new Fixture();
        var key = fixture.GivenKey();

        Assert.ThrowsAsync<KeyRuleViolationException>(() => new UpdateKeyVersionCommandHandler(new KeyVersionUpdates(fixture.Keys.Object, fixture.Clock, fixture.Mapper, fixture.Notes))
            .Handle(new UpdateKeyVersionCommand(key.Primary.Id, "disabled"), CancellationToken.None));
        fixture.Keys.Verify(r => r.SaveAsync(It.IsAny<Key>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public void Handle_WhenVersionUnknown_ThrowsKeyVersionNotFound()
    {
        var fixture = new Fixture();
        var id = Guid.NewGuid();
        fixture.Keys.Setup(r => r.GetByVersionIdAsync(id, It.IsAny<CancellationToken>())).ReturnsAsync((Key?)null);

        var error = Assert.ThrowsAsync<NotFoundException>(() => new UpdateKeyVersionCommandHandler(new KeyVersionUpdates(fixture.Keys.Object, fixture.Clock, fixture.Mapper, fixture.Notes))
            .Handle(new UpdateKeyVersionCommand(id, "disabled"), CancellationToken.None));
        Assert.That(error!.Message, Is.EqualTo("Key version not found"));
    }
}

public sealed class DestroyKeyVersionCommandHandlerTests
{
    [Test]
    public async Task Handle_ErasesTheVersionsMaterial_AndSaves()
    {
        var fixture = new Fixture();
        var key = fixture.GivenKey(versions: 2);
        fixture.GivenSavesSucceed();
        var v1 = key.FindVersion(1);

        var result = await new DestroyKeyVersionCommandHandler(new KeyVersionUpdates(fixture.Keys.Object, fixture.Clock, fixture.Mapper, fixture.Notes)).Handle(new DestroyKeyVersionCommand(v1.Id), CancellationToken.None);

        Assert.That(result.Deleted, Is.EqualTo(1));
        Assert.That(v1.Status, Is.EqualTo(KeyVersionStatus.Destroyed));
        Assert.That(v1.HasMaterial, Is.False);
        fixture.Keys.Verify(r => r.SaveAsync(key, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void Handle_OnThePrimaryVersion_ThrowsRuleViolation()
    {
        var fixture = new Fixture();
        var key = fixture.GivenKey();

        Assert.ThrowsAsync<KeyRuleViolationException>(() => new DestroyKeyVersionCommandHandler(new KeyVersionUpdates(fixture.Keys.Object, fixture.Clock, fixture.Mapper, fixture.Notes)).Handle(new DestroyKeyVersionCommand(key.Primary.Id), CancellationToken.None));
        Assert.That(key.Primary.HasMaterial, Is.True);
    }
}

public sealed class KeyVersionQueryHandlerTests
{
    [Test]
    public async Task GetKeyVersion_MapsTheVersion()
    {
        var fixture = new Fixture();
        var key = fixture.GivenKey(versions: 2);
        var v1 = key.FindVersion(1);

        var dto = await new GetKeyVersionQueryHandler(fixture.Keys.Object, fixture.Mapper).Handle(new GetKeyVersionQuery(v1.Id), CancellationToken.None);

        Assert.That(dto.Id, Is.EqualTo(v1.Id));
        Assert.That(dto.KeyId, Is.EqualTo(key.Id));
        Assert.That(dto.Version, Is.EqualTo(1));
        Assert.That(dto.Status, Is.EqualTo("enabled"));
    }

    [Test]
    public void GetKeyVersion_WhenUnknown_ThrowsNotFound()
    {
        var fixture = new Fixture();
        var id = Guid.NewGuid();
        fixture.Keys.Setup(r => r.GetByVersionIdAsync(id, It.IsAny<CancellationToken>())).ReturnsAsync((Key?)null);

        Assert.ThrowsAsync<NotFoundException>(() => new GetKeyVersionQueryHandler(fixture.Keys.Object, fixture.Mapper).Handle(new GetKeyVersionQuery(id), CancellationToken.None));
    }

    [Test]
    public async Task ListKeyVersions_PassesFilterAndPagingToTheReadSide()
    {
        var fixture = new Fixture();
        var keyId = Guid.NewGuid();
        IReadOnlyList<KeyVersionDto> expected = [new KeyVersionDto { KeyId = keyId, Version = 1 }];
        fixture.Reads.Setup(r => r.ListKeyVersionsAsync(keyId, It.IsAny<IReadOnlyList<string>>(), 5, 10, It.IsAny<CancellationToken>())).ReturnsAsync(expected);

        var result = await new ListKeyVersionsQueryHandler(fixture.Reads.Object, fixture.CallerContext.Object).Handle(new ListKeyVersionsQuery(keyId, 5, 10), CancellationToken.None);

        Assert.That(result, Is.SameAs(expected));
    }
}
