using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Cryptography;
using AutoKms.Application.Cryptography.Commands.Encrypt;
using AutoKms.Domain.Keys;
using AutoKms.Domain.Keys.Exceptions;
using AutoKms.UnitTests.Support;
using Moq;

namespace AutoKms.UnitTests.Application.Cryptography;

public sealed class EncryptCommandHandlerTests
{
    private readonly Fixture _fixture = new();

    private EncryptCommandHandler Handler => new(_fixture.Cipher);

    [Test]
    public async Task Handle_EncryptsWithThePrimaryVersionsUnsealedMaterial_AndAnswersThatVersion()
    {
        var key = _fixture.GivenKey(versions: 2);
        byte[]? usedKey = null;
        _fixture.Crypto.Setup(c => c.Encrypt(KeyAlgorithm.Aes256Gcm, It.IsAny<KeyMaterial>(), It.IsAny<byte[]>(), It.IsAny<byte[]?>()))
            .Callback((KeyAlgorithm _, KeyMaterial m, byte[] _, byte[]? _) => usedKey = m.Span.ToArray())
            .Returns(new CipherPayload([1], [2], [3]));
        var aad = new byte[] { 7 };

        var result = await Handler.Handle(new EncryptCommand(key.Id, [42], aad), CancellationToken.None);

        Assert.That(result.KeyId, Is.EqualTo(key.Id));
        Assert.That(result.Version, Is.EqualTo(2));
        Assert.That(result.Algorithm, Is.EqualTo("AES256_GCM"));
        Assert.That(result.Nonce, Is.EqualTo(new byte[] { 1 }));
        Assert.That(result.Ciphertext, Is.EqualTo(new byte[] { 2 }));
        Assert.That(result.Tag, Is.EqualTo(new byte[] { 3 }));
        Assert.That(result.Aad, Is.EqualTo(aad));
        using var expected = Fixture.MaterialFor(key.Id, 2);
        Assert.That(usedKey, Is.EqualTo(expected.Span.ToArray()));
    }

    [Test]
    public async Task Handle_ZeroesThePlaintextBuffer_WhenDone()
    {
        var key = _fixture.GivenKey();
        _fixture.Crypto.Setup(c => c.Encrypt(It.IsAny<KeyAlgorithm>(), It.IsAny<KeyMaterial>(), It.IsAny<byte[]>(), It.IsAny<byte[]?>())).Returns(new CipherPayload([1], [2], [3]));
        var plaintext = new byte[] { 1, 2, 3, 4 };

        await Fixture.WithSecretZeroing(new EncryptCommand(key.Id, plaintext, null), c => Handler.Handle(c, CancellationToken.None));

        Assert.That(plaintext, Is.All.EqualTo(0));
    }

    [Test]
    public void Handle_WhenKeyDisabled_ThrowsKeyDisabled_AndNeverTouchesMaterial()
    {
        var key = _fixture.GivenKey();
        key.Disable(Fixture.Now);

        Assert.ThrowsAsync<KeyDisabledException>(() => Handler.Handle(new EncryptCommand(key.Id, [1], null), CancellationToken.None));
        _fixture.Sealer.Verify(s => s.Unseal(It.IsAny<SealingContext>(), It.IsAny<ReadOnlyMemory<byte>>()), Times.Never);
    }

    [Test]
    public void Handle_WithAadForAnRsaKey_ThrowsUnsupported()
    {
        var key = _fixture.GivenKey(KeyAlgorithm.Rsa2048);

        Assert.ThrowsAsync<UnsupportedKeyOperationException>(() => Handler.Handle(new EncryptCommand(key.Id, [1], [2]), CancellationToken.None));
    }

    [Test]
    public void Handle_WithASigningKey_ThrowsUnsupported()
    {
        var key = _fixture.GivenKey(KeyAlgorithm.Rsa2048, usage: KeyUsage.SignVerify);

        Assert.ThrowsAsync<UnsupportedKeyOperationException>(() => Handler.Handle(new EncryptCommand(key.Id, [1], null), CancellationToken.None));
    }

    [Test]
    public void Handle_WhenKeyUnknown_ThrowsKeyNotFound()
    {
        var id = Guid.NewGuid();
        _fixture.GivenNoKey(id);

        Assert.ThrowsAsync<NotFoundException>(() => Handler.Handle(new EncryptCommand(id, [1], null), CancellationToken.None));
    }
}
