using System.Security.Cryptography;
using AutoKms.Application.Cryptography;
using AutoKms.Application.Cryptography.Commands.ComputeMac;
using AutoKms.Application.Cryptography.Commands.Sign;
using AutoKms.Application.Cryptography.Commands.VerifyMac;
using AutoKms.Application.Cryptography.Commands.VerifySignature;
using AutoKms.Domain.Keys;
using AutoKms.Domain.Keys.Exceptions;
using AutoKms.UnitTests.Support;
using Moq;

namespace AutoKms.UnitTests.Application.Cryptography;

public sealed class SignCommandHandlerTests
{
    private readonly Fixture _fixture = new();

    private byte[]? _usedKey;

    private byte[]? _signedDigest;

    private SignCommandHandler Handler => new(_fixture.Reader, _fixture.Crypto.Object);

    [Test]
    public async Task Handle_WithMessage_SignsItsSha256Digest_WithThePrimaryVersion()
    {
        var key = _fixture.GivenKey(KeyAlgorithm.Rsa2048, versions: 2, usage: KeyUsage.SignVerify);
        GivenSignDigestAnswers([5, 5]);
        var message = "hello"u8.ToArray();

        var result = await Handler.Handle(new SignCommand(key.Id, message, null), CancellationToken.None);

        Assert.That(_signedDigest, Is.EqualTo(SHA256.HashData(message)));
        Assert.That(_usedKey, Is.EqualTo(MaterialBytes(key, 2)));
        Assert.That(result.KeyId, Is.EqualTo(key.Id));
        Assert.That(result.Version, Is.EqualTo(2));
        Assert.That(result.Algorithm, Is.EqualTo("RSA2048"));
        Assert.That(result.Signature, Is.EqualTo(new byte[] { 5, 5 }));
    }

    [Test]
    public async Task Handle_WithDigest_SignsThatDigestAsGiven()
    {
        var key = _fixture.GivenKey(KeyAlgorithm.EcP256);
        GivenSignDigestAnswers([6]);
        var digest = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

        var result = await Handler.Handle(new SignCommand(key.Id, null, digest), CancellationToken.None);

        Assert.That(_signedDigest, Is.EqualTo(digest));
        Assert.That(result.Algorithm, Is.EqualTo("EC_P256"));
        _fixture.Crypto.Verify(c => c.SignDigest(KeyAlgorithm.EcP256, It.IsAny<KeyMaterial>(), It.IsAny<byte[]>()), Times.Once);
    }

    [TestCase(KeyAlgorithm.Aes256Gcm)]
    [TestCase(KeyAlgorithm.Rsa2048)]
    public void Handle_WithAnEncryptDecryptKey_ThrowsUnsupported_AndNeverUnseals(KeyAlgorithm algorithm)
    {
        var key = _fixture.GivenKey(algorithm, usage: KeyUsage.EncryptDecrypt);

        Assert.ThrowsAsync<UnsupportedKeyOperationException>(() => Handler.Handle(new SignCommand(key.Id, [1], null), CancellationToken.None));
        _fixture.Sealer.Verify(s => s.Unseal(It.IsAny<SealingContext>(), It.IsAny<ReadOnlyMemory<byte>>()), Times.Never);
        _fixture.Crypto.Verify(c => c.SignDigest(It.IsAny<KeyAlgorithm>(), It.IsAny<KeyMaterial>(), It.IsAny<byte[]>()), Times.Never);
    }

    [Test]
    public void Handle_WhenKeyDisabled_ThrowsKeyDisabled()
    {
        var key = _fixture.GivenKey(KeyAlgorithm.EcP256);
        key.Disable(Fixture.Now);

        Assert.ThrowsAsync<KeyDisabledException>(() => Handler.Handle(new SignCommand(key.Id, [1], null), CancellationToken.None));
    }

    private void GivenSignDigestAnswers(byte[] signature) =>
        _fixture.Crypto.Setup(c => c.SignDigest(It.IsAny<KeyAlgorithm>(), It.IsAny<KeyMaterial>(), It.IsAny<byte[]>()))
            .Callback((KeyAlgorithm _, KeyMaterial m, byte[] d) => (_usedKey, _signedDigest) = (m.Span.ToArray(), d.ToArray()))
            .Returns(signature);

    private static byte[] MaterialBytes(Key key, int version)
    {
        using var material = Fixture.MaterialFor(key.Id, version);
        return material.Span.ToArray();
    }
}

public sealed class VerifySignatureCommandHandlerTests
{
    private readonly Fixture _fixture = new();

    private byte[]? _usedKey;

    private byte[]? _verifiedDigest;

    private VerifySignatureCommandHandler Handler => new(_fixture.Reader, _fixture.Crypto.Object);

    [TestCase(true)]
    [TestCase(false)]
    public async Task Handle_VerifiesWithTheRequestedVersion_AndAnswersTheProvidersVerdict(bool verdict)
    {
        var key = _fixture.GivenKey(KeyAlgorithm.EcP256, versions: 3);
        var signature = new byte[] { 1, 2, 3 };
        GivenVerifyDigestAnswers(verdict);
        var digest = new byte[32];

        var valid = await Handler.Handle(new VerifySignatureCommand(key.Id, null, digest, signature, 1), CancellationToken.None);

        Assert.That(valid, Is.EqualTo(verdict));
        Assert.That(_usedKey, Is.EqualTo(MaterialBytes(key, 1)));
        Assert.That(_verifiedDigest, Is.EqualTo(digest));
        _fixture.Crypto.Verify(c => c.VerifyDigest(KeyAlgorithm.EcP256, It.IsAny<KeyMaterial>(), It.IsAny<byte[]>(), signature), Times.Once);
    }

    [Test]
    public async Task Handle_WithMessageAndNoVersion_VerifiesItsSha256Digest_WithThePrimaryVersion()
    {
        var key = _fixture.GivenKey(KeyAlgorithm.Rsa3072, versions: 2, usage: KeyUsage.SignVerify);
        GivenVerifyDigestAnswers(true);
        var message = "hello"u8.ToArray();

        await Handler.Handle(new VerifySignatureCommand(key.Id, message, null, [1], null), CancellationToken.None);

        Assert.That(_verifiedDigest, Is.EqualTo(SHA256.HashData(message)));
        Assert.That(_usedKey, Is.EqualTo(MaterialBytes(key, 2)));
    }

    [Test]
    public async Task Handle_WithAVersionBelowTheMinDecryptionVersion_StillVerifies()
    {
        var key = _fixture.GivenKey(KeyAlgorithm.EcP256, versions: 2);
        key.ChangeMinDecryptionVersion(2, Fixture.Now);
        GivenVerifyDigestAnswers(true);

        var valid = await Handler.Handle(new VerifySignatureCommand(key.Id, null, new byte[32], [1], 1), CancellationToken.None);

        Assert.That(valid, Is.True);
        Assert.That(_usedKey, Is.EqualTo(MaterialBytes(key, 1)));
    }

    [Test]
    public void Handle_WithAMacKey_ThrowsUnsupported()
    {
        var key = _fixture.GivenKey(KeyAlgorithm.HmacSha256);

        Assert.ThrowsAsync<UnsupportedKeyOperationException>(() => Handler.Handle(new VerifySignatureCommand(key.Id, [1], null, [1], null), CancellationToken.None));
    }

    private void GivenVerifyDigestAnswers(bool verdict) =>
        _fixture.Crypto.Setup(c => c.VerifyDigest(It.IsAny<KeyAlgorithm>(), It.IsAny<KeyMaterial>(), It.IsAny<byte[]>(), It.IsAny<byte[]>()))
            .Callback((KeyAlgorithm _, KeyMaterial m, byte[] d, byte[] _) => (_usedKey, _verifiedDigest) = (m.Span.ToArray(), d.ToArray()))
            .Returns(verdict);

    private static byte[] MaterialBytes(Key key, int version)
    {
        using var material = Fixture.MaterialFor(key.Id, version);
        return material.Span.ToArray();
    }
}

public sealed class ComputeMacCommandHandlerTests
{
    private readonly Fixture _fixture = new();

    private ComputeMacCommandHandler Handler => new(_fixture.Reader, _fixture.Crypto.Object);

    [Test]
    public async Task Handle_MacsTheMessage_WithThePrimaryVersionsMaterial()
    {
        var key = _fixture.GivenKey(KeyAlgorithm.HmacSha256, versions: 2);
        byte[]? usedKey = null;
        var message = new byte[] { 1, 2, 3 };
        _fixture.Crypto.Setup(c => c.Mac(It.IsAny<KeyMaterial>(), message))
            .Callback((KeyMaterial m, byte[] _) => usedKey = m.Span.ToArray())
            .Returns([7, 7, 7]);

        var result = await Handler.Handle(new ComputeMacCommand(key.Id, message), CancellationToken.None);

        Assert.That(result.KeyId, Is.EqualTo(key.Id));
        Assert.That(result.Version, Is.EqualTo(2));
        Assert.That(result.Mac, Is.EqualTo(new byte[] { 7, 7, 7 }));
        using var expected = Fixture.MaterialFor(key.Id, 2);
        Assert.That(usedKey, Is.EqualTo(expected.Span.ToArray()));
    }

    [Test]
    public void Handle_WithAnEncryptionKey_ThrowsUnsupported()
    {
        var key = _fixture.GivenKey();

        Assert.ThrowsAsync<UnsupportedKeyOperationException>(() => Handler.Handle(new ComputeMacCommand(key.Id, [1]), CancellationToken.None));
        _fixture.Crypto.Verify(c => c.Mac(It.IsAny<KeyMaterial>(), It.IsAny<byte[]>()), Times.Never);
    }
}

public sealed class VerifyMacCommandHandlerTests
{
    private readonly Fixture _fixture = new();

    private VerifyMacCommandHandler Handler => new(_fixture.Reader, _fixture.Crypto.Object);

    [TestCase(true)]
    [TestCase(false)]
    public async Task Handle_VerifiesWithTheRequestedVersion_AndAnswersTheProvidersVerdict(bool verdict)
    {
        var key = _fixture.GivenKey(KeyAlgorithm.HmacSha256, versions: 2);
        byte[]? usedKey = null;
        var message = new byte[] { 1 };
        var mac = new byte[] { 2 };
        _fixture.Crypto.Setup(c => c.VerifyMac(It.IsAny<KeyMaterial>(), message, mac))
            .Callback((KeyMaterial m, byte[] _, byte[] _) => usedKey = m.Span.ToArray())
            .Returns(verdict);

        var valid = await Handler.Handle(new VerifyMacCommand(key.Id, message, mac, 1), CancellationToken.None);

        Assert.That(valid, Is.EqualTo(verdict));
        using var expected = Fixture.MaterialFor(key.Id, 1);
        Assert.That(usedKey, Is.EqualTo(expected.Span.ToArray()));
    }

    [Test]
    public void Handle_WithUnknownVersion_ThrowsVersionNotFound()
    {
        var key = _fixture.GivenKey(KeyAlgorithm.HmacSha256);

        Assert.ThrowsAsync<KeyVersionNotFoundException>(() => Handler.Handle(new VerifyMacCommand(key.Id, [1], [2], 4), CancellationToken.None));
    }
}
