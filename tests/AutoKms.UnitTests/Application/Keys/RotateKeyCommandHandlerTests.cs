using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Keys.Commands.RotateKey;
using AutoKms.Domain.Keys;
using AutoKms.UnitTests.Support;
using Moq;

namespace AutoKms.UnitTests.Application.Keys;

public sealed class RotateKeyCommandHandlerTests
{
    private readonly Fixture _fixture = new();

    [Test]
    public async Task Handle_SealsFreshMaterialForTheNextVersion_MakesItPrimary_AndSaves()
    {
        var key = _fixture.GivenKey(KeyAlgorithm.Rsa2048);
        _fixture.GivenSavesSucceed();
        var handler = new RotateKeyCommandHandler(_fixture.Provisioning, _fixture.Mapper);

        var version = await handler.Handle(new RotateKeyCommand(key.Id), CancellationToken.None);

        Assert.That(version.Version, Is.EqualTo(2));
        Assert.That(version.KeyId, Is.EqualTo(key.Id));
        Assert.That(key.PrimaryVersion, Is.EqualTo(2));
        Assert.That(key.Primary.SealedMaterial.ToArray(), Is.EqualTo(Fixture.SealedFor(key.Id, 2)));
        _fixture.Crypto.Verify(c => c.GenerateKeyMaterial(KeyAlgorithm.Rsa2048), Times.Once);
        _fixture.Keys.Verify(r => r.SaveAsync(key, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void Handle_WhenKeyUnknown_ThrowsKeyNotFound()
    {
        var id = Guid.NewGuid();
        _fixture.GivenNoKey(id);
        var handler = new RotateKeyCommandHandler(_fixture.Provisioning, _fixture.Mapper);

        Assert.ThrowsAsync<NotFoundException>(() => handler.Handle(new RotateKeyCommand(id), CancellationToken.None));
    }
}
