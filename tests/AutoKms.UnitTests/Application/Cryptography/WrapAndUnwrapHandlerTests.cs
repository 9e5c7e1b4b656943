using AutoKms.Application.Cryptography;
using AutoKms.Application.Cryptography.Commands.UnwrapKey;
using AutoKms.Application.Cryptography.Commands.WrapKey;
using AutoKms.Domain.Keys;
using AutoKms.Domain.Keys.Exceptions;
using AutoKms.UnitTests.Support;
using Moq;

namespace AutoKms.UnitTests.Application.Cryptography;

public sealed class WrapKeyCommandHandlerTests
{
    [Test]
    public async Task Handle_EncryptsTheMaterialWithThePrimaryVersion_AndZeroesTheInput()
    {
        var fixture = new Fixture();
        var key = fixture.GivenKey(KeyAlgorithm.ChaCha20Poly1305, versions: 2);
        byte[]? wrappedInput = null;
        fixture.Crypto.Setup(c => c.Encrypt(KeyAlgorithm.ChaCha20Poly1305, It.IsAny<KeyMaterial>(), It.IsAny<byte[]>(), null))
            .Callback((KeyAlgorithm _, KeyMaterial _, byte[] p, byte[]? _) => wrappedInput = p.ToArray())
            .Returns(new CipherPayload([1], [2], [3]));
        var material = new byte[] { 5, 6, 7 };

        var result = await Fixture.WithSecretZeroing(new WrapKeyCommand(key.Id, material, null), c => new WrapKeyCommandHandler(fixture.Cipher).Handle(c, CancellationToken.None));

        Assert.That(wrappedInput, Is.EqualTo(new byte[] { 5, 6, 7 }));
        Assert.That(result.Version, Is.EqualTo(2));
        Assert.That(result.Algorithm, Is.EqualTo("CHACHA20_POLY1305"));
        Assert.That(material, Is.All.EqualTo(0));
    }
}

public sealed class UnwrapKeyCommandHandlerTests
{
    [Test]
    public async Task Handle_DecryptsWithTheRequestedVersion()
    {
        var fixture = new Fixture();
        var key = fixture.GivenKey(versions: 2);
        fixture.Crypto.Setup(c => c.Decrypt(KeyAlgorithm.Aes256Gcm, It.IsAny<KeyMaterial>(), It.IsAny<CipherPayload>(), null)).Returns([5, 6, 7]);

        var material = await new UnwrapKeyCommandHandler(fixture.Cipher).Handle(new UnwrapKeyCommand(key.Id, EncryptedData.Split([2], [1], [3]), null, 1), CancellationToken.None);

        Assert.That(material, Is.EqualTo(new byte[] { 5, 6, 7 }));
        fixture.Sealer.Verify(s => s.Unseal(Fixture.Context(key.Id, 1), It.IsAny<ReadOnlyMemory<byte>>()), Times.Once);
    }

    [Test]
    public void Handle_WhenKeyDisabled_ThrowsKeyDisabled()
    {
        var fixture = new Fixture();
        var key = fixture.GivenKey();
        key.Disable(Fixture.Now);

        Assert.ThrowsAsync<KeyDisabledException>(() => new UnwrapKeyCommandHandler(fixture.Cipher).Handle(new UnwrapKeyCommand(key.Id, EncryptedData.Split([2], [1], [3]), null, null), CancellationToken.None));
    }
}
