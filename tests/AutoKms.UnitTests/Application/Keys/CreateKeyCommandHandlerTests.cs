using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Keys.Commands.CreateKey;
using AutoKms.Domain.Keys;
using AutoKms.UnitTests.Support;
using Moq;

namespace AutoKms.UnitTests.Application.Keys;

public sealed class CreateKeyCommandHandlerTests
{
    private readonly Fixture _fixture = new();

    [Test]
    public async Task Handle_WithFreeName_GeneratesMaterial_SealsItForVersionOne_AndAddsTheKey()
    {
        Key? added = null;
        _fixture.Keys.Setup(r => r.NameExistsAsync("payments", null, It.IsAny<CancellationToken>())).ReturnsAsync(false);
        _fixture.NewKeys.Setup(s => s.AddAsync(It.IsAny<IReadOnlyList<Key>>(), It.IsAny<CancellationToken>())).Callback((IReadOnlyList<Key> k, CancellationToken _) => added = k.Single()).Returns(Task.CompletedTask);
        var handler = new CreateKeyCommandHandler(_fixture.Provisioning, _fixture.Mapper);

        var dto = await handler.Handle(new CreateKeyCommand("payments", "CHACHA20_POLY1305"), CancellationToken.None);

        Assert.That(added, Is.Not.Null);
        Assert.That(dto.Id, Is.EqualTo(added!.Id));
        Assert.That(dto.Name, Is.EqualTo("payments"));
        Assert.That(dto.Algorithm, Is.EqualTo("CHACHA20_POLY1305"));
        Assert.That(dto.Usage, Is.EqualTo("encrypt_decrypt"));
        Assert.That(dto.Status, Is.EqualTo("enabled"));
        Assert.That(dto.PrimaryVersion, Is.EqualTo(1));
        Assert.That(added.Primary.SealedMaterial.ToArray(), Is.EqualTo(Fixture.SealedFor(added.Id, 1)));
        _fixture.Crypto.Verify(c => c.GenerateKeyMaterial(KeyAlgorithm.ChaCha20Poly1305), Times.Once);
    }

    [Test]
    public async Task Handle_WithUsage_CreatesKeyForThatUsage()
    {
        _fixture.Keys.Setup(r => r.NameExistsAsync(It.IsAny<string>(), null, It.IsAny<CancellationToken>())).ReturnsAsync(false);
        _fixture.Keys.Setup(r => r.AddAsync(It.IsAny<Key>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        var handler = new CreateKeyCommandHandler(_fixture.Provisioning, _fixture.Mapper);

        var dto = await handler.Handle(new CreateKeyCommand("signer", "RSA2048", "sign_verify"), CancellationToken.None);

        Assert.That(dto.Usage, Is.EqualTo("sign_verify"));
    }

    [Test]
    public void Handle_WhenNameTaken_ThrowsConflict_AndAddsNothing()
    {
        _fixture.Keys.Setup(r => r.NameExistsAsync("taken", null, It.IsAny<CancellationToken>())).ReturnsAsync(true);
        var handler = new CreateKeyCommandHandler(_fixture.Provisioning, _fixture.Mapper);

        var error = Assert.ThrowsAsync<ConflictException>(() => handler.Handle(new CreateKeyCommand("taken", "AES256_GCM"), CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("taken"));
        _fixture.Keys.Verify(r => r.AddAsync(It.IsAny<Key>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
