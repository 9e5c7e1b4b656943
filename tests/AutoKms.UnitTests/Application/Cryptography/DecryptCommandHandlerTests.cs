using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Cryptography;
using AutoKms.Application.Cryptography.Commands.Decrypt;
using AutoKms.Domain.Keys;
using AutoKms.Domain.Keys.Exceptions;
using AutoKms.UnitTests.Support;
using Moq;

namespace AutoKms.UnitTests.Application.Cryptography;

public sealed class DecryptCommandHandlerTests
{
    private readonly Fixture _fixture = new();

    private DecryptCommandHandler Handler => new(_fixture.Cipher);

    [TestCase(1, 1)]
    [TestCase(null, 3)]
    public async Task Handle_DecryptsWithTheRequestedVersion_DefaultingToPrimary(int? requested, int used)
    {
        var key = _fixture.GivenKey(versions: 3);
        byte[]? usedKey = null;
        CipherPayload? payload = null;
        _fixture.Crypto.Setup(c => c.Decrypt(KeyAlgorithm.Aes256Gcm, It.IsAny<KeyMaterial>(), It.IsAny<CipherPayload>(), It.IsAny<byte[]?>()))
            .Callback((KeyAlgorithm _, KeyMaterial m, CipherPayload p, byte[]? _) => (usedKey, payload) = (m.Span.ToArray(), p))
            .Returns([9, 9]);

        var plaintext = await Handler.Handle(new DecryptCommand(key.Id, EncryptedData.Split([2], [1], [3]), null, requested), CancellationToken.None);

        Assert.That(plaintext, Is.EqualTo(new byte[] { 9, 9 }));
        using var expected = Fixture.MaterialFor(key.Id, used);
        Assert.That(usedKey, Is.EqualTo(expected.Span.ToArray()));
        Assert.That(payload, Is.EqualTo(new CipherPayload([1], [2], [3])).Using<CipherPayload>((a, b) => a.Nonce!.SequenceEqual(b.Nonce!) && a.Ciphertext.SequenceEqual(b.Ciphertext) && a.Tag!.SequenceEqual(b.Tag!)));
    }

    [Test]
    public void Handle_WhenAuthenticationFails_PropagatesDecryptionFailed()
    {
        var key = _fixture.GivenKey();
        _fixture.Crypto.Setup(c => c.Decrypt(It.IsAny<KeyAlgorithm>(), It.IsAny<KeyMaterial>(), It.IsAny<CipherPayload>(), It.IsAny<byte[]?>())).Throws(new DecryptionFailedException());

        var error = Assert.ThrowsAsync<DecryptionFailedException>(() => Handler.Handle(new DecryptCommand(key.Id, EncryptedData.Split([2], [1], [3]), null, null), CancellationToken.None));
        Assert.That(error!.Message, Is.EqualTo("Decryption failed"));
    }

    [Test]
    public void Handle_WithDisabledVersion_ThrowsUnavailable()
    {
        var key = _fixture.GivenKey(versions: 2);
        key.DisableVersion(1, Fixture.Now);

        Assert.ThrowsAsync<KeyVersionUnavailableException>(() => Handler.Handle(new DecryptCommand(key.Id, EncryptedData.Split([2], [1], [3]), null, 1), CancellationToken.None));
    }

    [Test]
    public void Handle_WithUnknownVersion_ThrowsVersionNotFound()
    {
        var key = _fixture.GivenKey();

        Assert.ThrowsAsync<KeyVersionNotFoundException>(() => Handler.Handle(new DecryptCommand(key.Id, EncryptedData.Split([2], [1], [3]), null, 5), CancellationToken.None));
    }
}
