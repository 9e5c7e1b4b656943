using AutoKms.Application.Common;
using AutoKms.Application.Cryptography;
using AutoKms.Application.Cryptography.Commands.Encrypt;
using AutoKms.Domain.Keys;
using AutoKms.UnitTests.Support;
using Moq;

namespace AutoKms.UnitTests.Application.Cryptography;

public sealed class KeyCipherRotationTests
{
    private readonly Fixture _fixture = new();

    private byte[]? _usedKey;

    private EncryptCommandHandler Handler => new(_fixture.Cipher);

    [SetUp]
    public void GivenALimitOfFiveEncryptionsPerVersion()
    {
        _fixture.Settings = new KmsSettings { MaxEncryptionsPerVersion = 5 };
        _fixture.Crypto.Setup(c => c.Encrypt(It.IsAny<KeyAlgorithm>(), It.IsAny<KeyMaterial>(), It.IsAny<byte[]>(), It.IsAny<byte[]?>()))
            .Callback((KeyAlgorithm _, KeyMaterial m, byte[] _, byte[]? _) => _usedKey = m.Span.ToArray())
            .Returns(new CipherPayload([1], [2], [3]));
    }

    [Test]
    public async Task Encrypt_WhenThePrimaryHasReachedTheLimit_RotatesFirstInATransaction_AndEncryptsWithTheNewVersion()
    {
        var key = _fixture.GivenKey();
        _fixture.Leases.Set(key.Primary.Id, 5);
        _fixture.GivenSavesSucceed();

        var result = await Handler.Handle(new EncryptCommand(key.Id, [1], null), CancellationToken.None);

        Assert.That(result.Version, Is.EqualTo(2));
        Assert.That(key.PrimaryVersion, Is.EqualTo(2));
        using var expected = Fixture.MaterialFor(key.Id, 2);
        Assert.That(_usedKey, Is.EqualTo(expected.Span.ToArray()));
        _fixture.Keys.Verify(r => r.SaveAsync(key, It.IsAny<CancellationToken>()), Times.Once);
        _fixture.UnitOfWork.Verify(u => u.BeginAsync(It.IsAny<CancellationToken>()), Times.Once);
        _fixture.UnitOfWork.Verify(u => u.CommitAsync(It.IsAny<CancellationToken>()), Times.Once);
        _fixture.UnitOfWork.Verify(u => u.RollbackAsync(It.IsAny<CancellationToken>()), Times.Never);
        Assert.That(_fixture.Recorded(key.FindVersion(2).Id), Is.EqualTo(1));
    }

    [Test]
    public async Task Encrypt_BelowTheLimit_DoesNotRotate()
    {
        var key = _fixture.GivenKey();
        _fixture.Leases.Set(key.Primary.Id, 4);

        var result = await Handler.Handle(new EncryptCommand(key.Id, [1], null), CancellationToken.None);

        Assert.That(result.Version, Is.EqualTo(1));
        Assert.That(key.Versions, Has.Count.EqualTo(1));
        _fixture.Keys.Verify(r => r.SaveAsync(It.IsAny<Key>(), It.IsAny<CancellationToken>()), Times.Never);
        _fixture.UnitOfWork.Verify(u => u.BeginAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Encrypt_WhenTheEncryptionsLeasedByEveryInstanceReachTheLimit_Rotates_ThoughFewerWereMade()
    {
        var keyId = Guid.NewGuid();
        var version = KeyVersion.Rehydrate(Guid.NewGuid(), keyId, 1, KeyVersionStatus.Enabled, Fixture.SealedFor(keyId, 1), 3, Fixture.Now, Fixture.Now);
        var key = Key.Rehydrate(keyId, "k", KeyAlgorithm.Aes256Gcm, KeyUsage.EncryptDecrypt, KeyStatus.Enabled, 1, Fixture.Now, Fixture.Now, null, 1, null, null, [version]);
        _fixture.Keys.Setup(r => r.GetAsync(keyId, It.IsAny<CancellationToken>())).ReturnsAsync(key);
        _fixture.Keys.Setup(r => r.GetWithVersionsAsync(keyId, It.IsAny<IReadOnlyCollection<int>>(), It.IsAny<CancellationToken>())).ReturnsAsync(key);
        _fixture.Leases.Set(version.Id, 5);
        _fixture.GivenSavesSucceed();

        var result = await Handler.Handle(new EncryptCommand(keyId, [1], null), CancellationToken.None);

        Assert.That(result.Version, Is.EqualTo(2));
    }

    [Test]
    public void Encrypt_WhenSavingTheRotationFails_RollsBack_AndEncryptsNothing()
    {
        var key = _fixture.GivenKey();
        _fixture.Leases.Set(key.Primary.Id, 5);
        _fixture.Keys.Setup(r => r.SaveAsync(key, It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("database down"));

        Assert.ThrowsAsync<InvalidOperationException>(() => Handler.Handle(new EncryptCommand(key.Id, [1], null), CancellationToken.None));
        _fixture.UnitOfWork.Verify(u => u.RollbackAsync(It.IsAny<CancellationToken>()), Times.Once);
        _fixture.UnitOfWork.Verify(u => u.CommitAsync(It.IsAny<CancellationToken>()), Times.Never);
        _fixture.Crypto.Verify(c => c.Encrypt(It.IsAny<KeyAlgorithm>(), It.IsAny<KeyMaterial>(), It.IsAny<byte[]>(), It.IsAny<byte[]?>()), Times.Never);
    }
}
