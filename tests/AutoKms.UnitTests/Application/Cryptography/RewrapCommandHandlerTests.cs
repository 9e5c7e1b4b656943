using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Cryptography;
using AutoKms.Application.Cryptography.Commands.Rewrap;
using AutoKms.Domain.Keys;
using AutoKms.UnitTests.Support;
using Moq;

namespace AutoKms.UnitTests.Application.Cryptography;

public sealed class RewrapCommandHandlerTests
{
    private readonly Fixture _fixture = new();

    private RewrapCommandHandler Handler => new(_fixture.Cipher);

    [Test]
    public async Task Handle_DecryptsWithTheRequestedVersion_AndEncryptsWithThePrimary()
    {
        var key = _fixture.GivenKey(versions: 3);
        byte[]? decryptKey = null;
        byte[]? encryptKey = null;
        byte[]? encrypted = null;
        _fixture.Crypto.Setup(c => c.Decrypt(KeyAlgorithm.Aes256Gcm, It.IsAny<KeyMaterial>(), It.IsAny<CipherPayload>(), It.IsAny<byte[]?>()))
            .Callback((KeyAlgorithm _, KeyMaterial m, CipherPayload _, byte[]? _) => decryptKey = m.Span.ToArray())
            .Returns(() => [4, 5, 6]);
        _fixture.Crypto.Setup(c => c.Encrypt(KeyAlgorithm.Aes256Gcm, It.IsAny<KeyMaterial>(), It.IsAny<byte[]>(), It.IsAny<byte[]?>()))
            .Callback((KeyAlgorithm _, KeyMaterial m, byte[] p, byte[]? _) => (encryptKey, encrypted) = (m.Span.ToArray(), p.ToArray()))
            .Returns(new CipherPayload([1], [2], [3]));

        var result = await Handler.Handle(new RewrapCommand(key.Id, EncryptedData.Split([9], [8], [7]), null, 1), CancellationToken.None);

        Assert.That(decryptKey, Is.EqualTo(MaterialBytes(key, 1)));
        Assert.That(encryptKey, Is.EqualTo(MaterialBytes(key, 3)));
        Assert.That(encrypted, Is.EqualTo(new byte[] { 4, 5, 6 }));
        Assert.That(result.Version, Is.EqualTo(3));
        Assert.That(result.Ciphertext, Is.EqualTo(new byte[] { 2 }));
    }

    [Test]
    public async Task Handle_UsesTheSameAadToDecryptAndToEncrypt()
    {
        var key = _fixture.GivenKey(versions: 2);
        var aad = new byte[] { 7, 7 };
        _fixture.Crypto.Setup(c => c.Decrypt(It.IsAny<KeyAlgorithm>(), It.IsAny<KeyMaterial>(), It.IsAny<CipherPayload>(), aad)).Returns(() => [4]);
        _fixture.Crypto.Setup(c => c.Encrypt(It.IsAny<KeyAlgorithm>(), It.IsAny<KeyMaterial>(), It.IsAny<byte[]>(), aad)).Returns(new CipherPayload([1], [2], [3]));

        var result = await Handler.Handle(new RewrapCommand(key.Id, EncryptedData.Split([9], [8], [7]), aad, 1), CancellationToken.None);

        Assert.That(result.Aad, Is.EqualTo(aad));
        _fixture.Crypto.Verify(c => c.Decrypt(It.IsAny<KeyAlgorithm>(), It.IsAny<KeyMaterial>(), It.IsAny<CipherPayload>(), aad), Times.Once);
        _fixture.Crypto.Verify(c => c.Encrypt(It.IsAny<KeyAlgorithm>(), It.IsAny<KeyMaterial>(), It.IsAny<byte[]>(), aad), Times.Once);
    }

    [Test]
    public async Task Handle_ZeroesTheIntermediatePlaintext_OnceReEncrypted()
    {
        var key = _fixture.GivenKey(versions: 2);
        var intermediate = new byte[] { 4, 5, 6 };
        _fixture.Crypto.Setup(c => c.Decrypt(It.IsAny<KeyAlgorithm>(), It.IsAny<KeyMaterial>(), It.IsAny<CipherPayload>(), It.IsAny<byte[]?>())).Returns(intermediate);
        _fixture.Crypto.Setup(c => c.Encrypt(It.IsAny<KeyAlgorithm>(), It.IsAny<KeyMaterial>(), It.IsAny<byte[]>(), It.IsAny<byte[]?>())).Returns(new CipherPayload([1], [2], [3]));

        await Handler.Handle(new RewrapCommand(key.Id, EncryptedData.Split([9], [8], [7]), null, 1), CancellationToken.None);

        Assert.That(intermediate, Is.All.EqualTo(0));
    }

    [Test]
    public void Handle_WhenDecryptionFails_PropagatesIt_AndEncryptsNothing()
    {
        var key = _fixture.GivenKey(versions: 2);
        _fixture.Crypto.Setup(c => c.Decrypt(It.IsAny<KeyAlgorithm>(), It.IsAny<KeyMaterial>(), It.IsAny<CipherPayload>(), It.IsAny<byte[]?>())).Throws(new DecryptionFailedException());

        Assert.ThrowsAsync<DecryptionFailedException>(() => Handler.Handle(new RewrapCommand(key.Id, EncryptedData.Split([9], [8], [7]), null, 1), CancellationToken.None));
        _fixture.Crypto.Verify(c => c.Encrypt(It.IsAny<KeyAlgorithm>(), It.IsAny<KeyMaterial>(), It.IsAny<byte[]>(), It.IsAny<byte[]?>()), Times.Never);
        Assert.That(_fixture.Recorded(), Is.Zero, "the reservation is given back: nothing was encrypted");
    }

    private static byte[] MaterialBytes(Key key, int version)
    {
        using var material = Fixture.MaterialFor(key.Id, version);
        return material.Span.ToArray();
    }
}
