using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Cryptography;
using AutoKms.Application.Cryptography.Commands.DecryptBatch;
using AutoKms.Application.Cryptography.Commands.EncryptBatch;
using AutoKms.Application.Cryptography.Commands.RewrapBatch;
using AutoKms.Domain.Keys;
using AutoKms.UnitTests.Support;
using Moq;

namespace AutoKms.UnitTests.Application.Cryptography;

public sealed class EncryptBatchCommandHandlerTests
{
    private readonly Fixture _fixture = new();

    private EncryptBatchCommandHandler Handler => new(_fixture.Cipher);

    [Test]
    public async Task Handle_AnswersOneResultPerItem_InRequestOrder()
    {
        var key = _fixture.GivenKey();
        GivenEncryptEchoesThePlaintext();

        var results = await Handler.Handle(new EncryptBatchCommand(key.Id, [new([1], null), new([2], null), new([3], null)]), CancellationToken.None);

        Assert.That(results.Select(r => r.Value!.Ciphertext), Is.EqualTo(new[] { new byte[] { 1 }, new byte[] { 2 }, new byte[] { 3 } }));
        Assert.That(results.Select(r => r.Error), Is.All.Null);
        Assert.That(results.Select(r => r.Value!.Version), Is.All.EqualTo(1));
    }

    [Test]
    public async Task Handle_WithUnreadableOrMissingItems_FailsThoseItemsAlone()
    {
        var key = _fixture.GivenKey();
        GivenEncryptEchoesThePlaintext();

        var results = await Handler.Handle(
            new EncryptBatchCommand(key.Id, [new([1], null), new(null, null, "Invalid base64 encoding for plaintext_b64"), new(null, null), new([4], null)]),
            CancellationToken.None);

        Assert.That(results, Has.Count.EqualTo(4));
        Assert.That(results[0].Value!.Ciphertext, Is.EqualTo(new byte[] { 1 }));
        Assert.That(results[1].Value, Is.Null);
        Assert.That(results[1].Error, Is.EqualTo("Invalid base64 encoding for plaintext_b64"));
        Assert.That(results[2].Value, Is.Null);
        Assert.That(results[2].Error, Is.EqualTo("'plaintext_b64' is required."));
        Assert.That(results[3].Value!.Ciphertext, Is.EqualTo(new byte[] { 4 }));
        _fixture.Crypto.Verify(c => c.Encrypt(It.IsAny<KeyAlgorithm>(), It.IsAny<KeyMaterial>(), It.IsAny<byte[]>(), It.IsAny<byte[]?>()), Times.Exactly(2));
    }

    [Test]
    public async Task Handle_WhenOneItemBreaksAKeyRule_FailsThatItemAlone()
    {
        var key = _fixture.GivenKey(KeyAlgorithm.Rsa2048);
        GivenEncryptEchoesThePlaintext();

        var results = await Handler.Handle(new EncryptBatchCommand(key.Id, [new([1], null), new([2], [9]), new([3], null)]), CancellationToken.None);

        Assert.That(results[0].Value!.Ciphertext, Is.EqualTo(new byte[] { 1 }));
        Assert.That(results[1].Value, Is.Null);
        Assert.That(results[1].Error, Does.StartWith("aad_b64 is not supported by RSA2048 keys"));
        Assert.That(results[2].Value!.Ciphertext, Is.EqualTo(new byte[] { 3 }));
    }

    [Test]
    public async Task Handle_ZeroesEveryPlaintext_WhenDone()
    {
        var key = _fixture.GivenKey();
        GivenEncryptEchoesThePlaintext();
        var first = new byte[] { 1, 2, 3 };
        var second = new byte[] { 4, 5 };

        await Fixture.WithSecretZeroing(new EncryptBatchCommand(key.Id, [new(first, null), new(second, null)]), c => Handler.Handle(c, CancellationToken.None));

        Assert.That(first, Is.All.EqualTo(0));
        Assert.That(second, Is.All.EqualTo(0));
    }

    [Test]
    public async Task Handle_CountsExactlyTheSuccessfulEncryptions_AgainstThePrimaryVersion()
    {
        var key = _fixture.GivenKey(versions: 2);
        GivenEncryptEchoesThePlaintext();

        await Handler.Handle(new EncryptBatchCommand(key.Id, [new([1], null), new(null, null), new([3], null), new([4], null)]), CancellationToken.None);

        Assert.That(_fixture.Recorded(key.FindVersion(2).Id), Is.EqualTo(3));
        Assert.That(_fixture.Recorded(), Is.EqualTo(3), "nothing counted against another version");
    }

    private void GivenEncryptEchoesThePlaintext() =>
        _fixture.Crypto.Setup(c => c.Encrypt(It.IsAny<KeyAlgorithm>(), It.IsAny<KeyMaterial>(), It.IsAny<byte[]>(), It.IsAny<byte[]?>()))
            .Returns((KeyAlgorithm _, KeyMaterial _, byte[] p, byte[]? _) => new CipherPayload([0], p.ToArray(), [0]));
}

public sealed class DecryptBatchCommandHandlerTests
{
    private static readonly byte[] Tampered = [0xFF];

    private readonly Fixture _fixture = new();

    private DecryptBatchCommandHandler Handler => new(_fixture.Cipher);

    [Test]
    public async Task Handle_DecryptsEachItemWithItsOwnVersion_DefaultingToPrimary()
    {
        var key = _fixture.GivenKey(versions: 3);
        GivenDecryptAnswersTheVersionOfTheMaterialUsed();

        var results = await Handler.Handle(
            new DecryptBatchCommand(key.Id, [new(EncryptedData.Split([2], [1], [3]), null, 1), new(EncryptedData.Split([2], [1], [3]), null, null), new(EncryptedData.Split([2], [1], [3]), null, 2)]),
            CancellationToken.None);

        Assert.That(results.Select(r => r.Value), Is.EqualTo(new[] { new byte[] { 1 }, new byte[] { 3 }, new byte[] { 2 } }));
        Assert.That(results.Select(r => r.Error), Is.All.Null);
    }

    [Test]
    public async Task Handle_UnsealsEachVersionOnlyOnce()
    {
        var key = _fixture.GivenKey(versions: 2);
        GivenDecryptAnswersTheVersionOfTheMaterialUsed();

        await Handler.Handle(
            new DecryptBatchCommand(key.Id, [new(EncryptedData.Split([2], [1], [3]), null, 1), new(EncryptedData.Split([5], [1], [3]), null, 1), new(EncryptedData.Split([2], [1], [3]), null, 2)]),
            CancellationToken.None);

        _fixture.Sealer.Verify(s => s.Unseal(Fixture.Context(key.Id, 1), It.IsAny<ReadOnlyMemory<byte>>()), Times.Once);
        _fixture.Sealer.Verify(s => s.Unseal(Fixture.Context(key.Id, 2), It.IsAny<ReadOnlyMemory<byte>>()), Times.Once);
    }

    [Test]
    public async Task Handle_WhenOneItemIsTampered_FailsItWithDecryptionFailed_AndDecryptsTheOthers()
    {
        var key = _fixture.GivenKey();
        GivenDecryptAnswersTheVersionOfTheMaterialUsed();
        GivenDecryptRejectsTheTamperedCiphertext();

        var results = await Handler.Handle(
            new DecryptBatchCommand(key.Id, [new(EncryptedData.Split([2], [1], [3]), null, null), new(EncryptedData.Split(Tampered, [1], [3]), null, null), new(EncryptedData.Split([2], [1], [3]), null, null)]),
            CancellationToken.None);

        Assert.That(results[0].Value, Is.EqualTo(new byte[] { 1 }));
        Assert.That(results[1].Value, Is.Null);
        Assert.That(results[1].Error, Is.EqualTo("Decryption failed"));
        Assert.That(results[2].Value, Is.EqualTo(new byte[] { 1 }));
    }

    [Test]
    public async Task Handle_WithUnreadableMissingOrUnknownVersionItems_FailsThoseItemsAlone()
    {
        var key = _fixture.GivenKey();
        GivenDecryptAnswersTheVersionOfTheMaterialUsed();

        var results = await Handler.Handle(
            new DecryptBatchCommand(key.Id, [new(null, null, null, "Invalid base64 encoding for ciphertext_b64"), new(null, null, null), new(EncryptedData.Split([2], [1], [3]), null, 7), new(EncryptedData.Split([2], [1], [3]), null, null)]),
            CancellationToken.None);

        Assert.That(results.Select(r => r.Error), Is.EqualTo(new[]
        {
            "Invalid base64 encoding for ciphertext_b64",
            "'ciphertext_b64' (or the self-describing 'ciphertext') is required.",
            "Key version 7 not found",
            null,
        }));
        Assert.That(results[3].Value, Is.EqualTo(new byte[] { 1 }));
    }

    private void GivenDecryptAnswersTheVersionOfTheMaterialUsed() =>
        _fixture.Crypto.Setup(c => c.Decrypt(It.IsAny<KeyAlgorithm>(), It.IsAny<KeyMaterial>(), It.IsAny<CipherPayload>(), It.IsAny<byte[]?>()))
            .Returns((KeyAlgorithm _, KeyMaterial m, CipherPayload _, byte[]? _) => [m.Span[^1]]);

    private void GivenDecryptRejectsTheTamperedCiphertext() =>
        _fixture.Crypto.Setup(c => c.Decrypt(It.IsAny<KeyAlgorithm>(), It.IsAny<KeyMaterial>(), It.Is<CipherPayload>(p => p.Ciphertext.SequenceEqual(Tampered)), It.IsAny<byte[]?>()))
            .Throws(new DecryptionFailedException());
}

public sealed class RewrapBatchCommandHandlerTests
{
    private static readonly byte[] Tampered = [0xFF];

    private readonly Fixture _fixture = new();

    private RewrapBatchCommandHandler Handler => new(_fixture.Cipher);

    [Test]
    public async Task Handle_MovesEachItemToThePrimaryVersion_FailingBadItemsAlone()
    {
        var key = _fixture.GivenKey(versions: 3);
        _fixture.Crypto.Setup(c => c.Decrypt(It.IsAny<KeyAlgorithm>(), It.IsAny<KeyMaterial>(), It.IsAny<CipherPayload>(), It.IsAny<byte[]?>()))
            .Returns((KeyAlgorithm _, KeyMaterial m, CipherPayload _, byte[]? _) => [m.Span[^1]]);
        _fixture.Crypto.Setup(c => c.Decrypt(It.IsAny<KeyAlgorithm>(), It.IsAny<KeyMaterial>(), It.Is<CipherPayload>(p => p.Ciphertext.SequenceEqual(Tampered)), It.IsAny<byte[]?>()))
            .Throws(new DecryptionFailedException());
        _fixture.Crypto.Setup(c => c.Encrypt(It.IsAny<KeyAlgorithm>(), It.IsAny<KeyMaterial>(), It.IsAny<byte[]>(), It.IsAny<byte[]?>()))
            .Returns((KeyAlgorithm _, KeyMaterial m, byte[] p, byte[]? _) => new CipherPayload([m.Span[^1]], p.ToArray(), [0]));

        var results = await Handler.Handle(
            new RewrapBatchCommand(key.Id, [new(EncryptedData.Split([2], [1], [3]), null, 1), new(EncryptedData.Split(Tampered, [1], [3]), null, 1), new(null, null, null, "bad"), new(EncryptedData.Split([2], [1], [3]), null, 2)]),
            CancellationToken.None);

        Assert.That(results.Select(r => r.Error), Is.EqualTo(new[] { null, "Decryption failed", "bad", null }));
        Assert.That(results[0].Value!.Version, Is.EqualTo(3));
        Assert.That(results[0].Value!.Nonce, Is.EqualTo(new byte[] { 3 }), "encrypted with the primary version's material");
        Assert.That(results[0].Value!.Ciphertext, Is.EqualTo(new byte[] { 1 }), "the plaintext version 1 decrypted");
        Assert.That(results[3].Value!.Version, Is.EqualTo(3));
        Assert.That(results[3].Value!.Ciphertext, Is.EqualTo(new byte[] { 2 }), "the plaintext version 2 decrypted");
        Assert.That(_fixture.Recorded(key.FindVersion(3).Id), Is.EqualTo(2));
    }
}
