using AutoKms.Application.Cryptography;
using AutoKms.Application.Cryptography.Commands.GenerateDataKey;
using AutoKms.Application.Cryptography.Commands.GenerateRandom;
using AutoKms.Domain.Keys;
using AutoKms.UnitTests.Support;
using Moq;

namespace AutoKms.UnitTests.Application.Cryptography;

public sealed class GenerateDataKeyCommandHandlerTests
{
    private static readonly byte[] RandomBytes = [11, 22, 33, 44, 55];

    private readonly Fixture _fixture = new();

    private byte[]? _encrypted;

    private GenerateDataKeyCommandHandler Handler => new(_fixture.Cipher, _fixture.Crypto.Object);

    [Test]
    public async Task Handle_WithIncludePlaintext_WrapsExactlyTheRandomBytes_AndAnswersThem()
    {
        var key = _fixture.GivenKey(versions: 2);
        GivenRandomAndEncrypt(RandomBytes.ToArray());

        var result = await Handler.Handle(new GenerateDataKeyCommand(key.Id, 5, null, IncludePlaintext: true), CancellationToken.None);

        Assert.That(_encrypted, Is.EqualTo(RandomBytes));
        Assert.That(result.Plaintext, Is.EqualTo(RandomBytes));
        Assert.That(result.Wrapped.Version, Is.EqualTo(2));
        Assert.That(result.Wrapped.Ciphertext, Is.EqualTo(new byte[] { 2 }));
        _fixture.Crypto.Verify(c => c.Random(5), Times.Once);
    }

    [Test]
    public async Task Handle_WithoutIncludePlaintext_AnswersOnlyTheWrappedKey()
    {
        var key = _fixture.GivenKey();
        GivenRandomAndEncrypt(RandomBytes.ToArray());

        var result = await Handler.Handle(new GenerateDataKeyCommand(key.Id, 5, null, IncludePlaintext: false), CancellationToken.None);

        Assert.That(result.Plaintext, Is.Null);
        Assert.That(_encrypted, Is.EqualTo(RandomBytes));
        Assert.That(result.Wrapped.Ciphertext, Is.EqualTo(new byte[] { 2 }));
    }

    [Test]
    public async Task Handle_ZeroesTheGeneratedBuffer_ButNotTheCopyItAnswers()
    {
        var key = _fixture.GivenKey();
        var generated = RandomBytes.ToArray();
        GivenRandomAndEncrypt(generated);

        var result = await Handler.Handle(new GenerateDataKeyCommand(key.Id, 5, null, IncludePlaintext: true), CancellationToken.None);

        Assert.That(generated, Is.All.EqualTo(0));
        Assert.That(result.Plaintext, Is.EqualTo(RandomBytes));
    }

    [Test]
    public async Task Handle_PassesTheAad_AndRecordsOneEncryption()
    {
        var key = _fixture.GivenKey();
        GivenRandomAndEncrypt(RandomBytes.ToArray());
        var aad = new byte[] { 3, 1, 4 };

        var result = await Handler.Handle(new GenerateDataKeyCommand(key.Id, 5, aad, IncludePlaintext: false), CancellationToken.None);

        Assert.That(result.Wrapped.Aad, Is.EqualTo(aad));
        _fixture.Crypto.Verify(c => c.Encrypt(KeyAlgorithm.Aes256Gcm, It.IsAny<KeyMaterial>(), It.IsAny<byte[]>(), aad), Times.Once);
        Assert.That(_fixture.Recorded(key.Primary.Id), Is.EqualTo(1));
    }

    private void GivenRandomAndEncrypt(byte[] generated)
    {
        _fixture.Crypto.Setup(c => c.Random(generated.Length)).Returns(generated);
        _fixture.Crypto.Setup(c => c.Encrypt(It.IsAny<KeyAlgorithm>(), It.IsAny<KeyMaterial>(), It.IsAny<byte[]>(), It.IsAny<byte[]?>()))
            .Callback((KeyAlgorithm _, KeyMaterial _, byte[] p, byte[]? _) => _encrypted = p.ToArray())
            .Returns(new CipherPayload([1], [2], [3]));
    }
}

public sealed class GenerateRandomCommandHandlerTests
{
    [Test]
    public async Task Handle_AnswersTheProvidersBytes_ForTheRequestedCount()
    {
        var fixture = new Fixture();
        byte[] expected = [9, 8, 7];
        fixture.Crypto.Setup(c => c.Random(3)).Returns(expected);

        var bytes = await new GenerateRandomCommandHandler(fixture.Crypto.Object).Handle(new GenerateRandomCommand(3), CancellationToken.None);

        Assert.That(bytes, Is.EqualTo(expected));
        fixture.Crypto.Verify(c => c.Random(3), Times.Once);
    }
}
