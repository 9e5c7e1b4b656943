using Microsoft.Extensions.Options;
using AutoKms.Application.Common.Caching;
using System.Security.Cryptography;
using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Models;
using AutoKms.Application.Cryptography;
using AutoKms.Application.RootKeys;
using AutoKms.Application.RootKeys.Commands.RotateRootKey;
using AutoKms.Domain.Keys;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace AutoKms.UnitTests.Application.RootKeys;

public sealed class RotateRootKeyCommandHandlerTests
{
    private static readonly NewRootKey NewKey = new("/etc/auto-kms/root-2.key", null);

    private readonly Mock<IRootKeyCustody> _custody = new(MockBehavior.Strict);
    private readonly Mock<IRootKeyRotation> _rotation = new();
    private readonly Mock<ISealedMaterialStore> _store = new();
    private readonly Mock<IKeyMaterialSealer> _sealer = new();
    private readonly List<string> _calls = [];

    [SetUp]
    public void GivenARotationThatBegins()
    {
        _rotation.SetupGet(r => r.NewRootKey).Returns("/etc/auto-kms/root-2.key");
        _rotation.Setup(r => r.CompleteAsync(It.IsAny<CancellationToken>())).Callback(() => _calls.Add("complete")).Returns(Task.CompletedTask);
        _rotation.Setup(r => r.DisposeAsync()).Callback(() => _calls.Add("dispose")).Returns(ValueTask.CompletedTask);
        _custody.Setup(c => c.BeginRotationAsync(NewKey, It.IsAny<CancellationToken>())).ReturnsAsync(_rotation.Object);
    }

    private RotateRootKeyCommandHandler Handler() => new(
        _custody.Object,
        _store.Object,
        _sealer.Object,
        new Mock<IUnitOfWork>().Object,
        new CacheInvalidation(
            new KeyCache(Options.Create(new CacheSettings()), TimeProvider.System),
            new CachingKeyMaterialSealer(_sealer.Object, Options.Create(new CacheSettings()), TimeProvider.System),
            new AutoKms.Application.Tokens.TokenCache(TimeProvider.System)),
        NullLogger<RotateRootKeyCommandHandler>.Instance);

    private static SealedVersion Version(int number) =>
        new(Guid.NewGuid(), new SealingContext(Guid.NewGuid(), number, KeyAlgorithm.Aes256Gcm, KeyUsage.EncryptDecrypt), [1, (byte)number]);

    [Test]
    public async Task Handle_ResealsEachVersionUnderTheNewRoot_WritesOnlyUnchangedBlobs_ThenCompletes()
    {
        var kept = Version(1);
        var destroyedMeanwhile = Version(2);
        var vanished = Guid.NewGuid();
        _store.Setup(s => s.ListSealedVersionIdsAsync(It.IsAny<CancellationToken>())).ReturnsAsync([kept.VersionId, vanished, destroyedMeanwhile.VersionId]);
        _store.Setup(s => s.FindSealedVersionAsync(kept.VersionId, It.IsAny<CancellationToken>())).ReturnsAsync(kept);
        _store.Setup(s => s.FindSealedVersionAsync(destroyedMeanwhile.VersionId, It.IsAny<CancellationToken>())).ReturnsAsync(destroyedMeanwhile);
        _store.Setup(s => s.FindSealedVersionAsync(vanished, It.IsAny<CancellationToken>())).ReturnsAsync((SealedVersion?)null);
        _sealer.Setup(s => s.Unseal(It.IsAny<SealingContext>(), It.IsAny<ReadOnlyMemory<byte>>())).Returns(() => new KeyMaterial(new byte[32]));
        _sealer.Setup(s => s.Seal(It.IsAny<SealingContext>(), It.IsAny<KeyMaterial>())).Returns<SealingContext, KeyMaterial>((c, _) => [9, (byte)c.Version]);
        _store.Setup(s => s.ReplaceSealedMaterialAsync(kept.VersionId, kept.SealedMaterial, It.Is<byte[]>(b => b.SequenceEqual(new byte[] { 9, 1 })), It.IsAny<CancellationToken>()))
            .Callback(() => _calls.Add("replace")).ReturnsAsync(true);
        _store.Setup(s => s.ReplaceSealedMaterialAsync(destroyedMeanwhile.VersionId, destroyedMeanwhile.SealedMaterial, It.IsAny<byte[]>(), It.IsAny<CancellationToken>()))
            .Callback(() => _calls.Add("replace")).ReturnsAsync(false);

        var result = await Handler().Handle(new RotateRootKeyCommand(NewKey), CancellationToken.None);

        Assert.That(result, Is.EqualTo(new RootKeyRotationResult("/etc/auto-kms/root-2.key", 1)));
        Assert.That(_calls, Is.EqualTo(new[] { "replace", "replace", "complete", "dispose" }), "completes only after every version, then lets the next rotation in");
        _sealer.Verify(s => s.Seal(kept.Context, It.IsAny<KeyMaterial>()), Times.Once);
    }

    [Test]
    public void Handle_WhenAVersionOpensUnderNeitherRoot_StopsWith409_WithoutCompleting()
    {
        var broken = Version(1);
        _store.Setup(s => s.ListSealedVersionIdsAsync(It.IsAny<CancellationToken>())).ReturnsAsync([broken.VersionId]);
        _store.Setup(s => s.FindSealedVersionAsync(broken.VersionId, It.IsAny<CancellationToken>())).ReturnsAsync(broken);
        _sealer.Setup(s => s.Unseal(It.IsAny<SealingContext>(), It.IsAny<ReadOnlyMemory<byte>>())).Throws(new AuthenticationTagMismatchException());

        var refused = Assert.ThrowsAsync<ConflictException>(() => Handler().Handle(new RotateRootKeyCommand(NewKey), CancellationToken.None));

        Assert.That(refused!.Message, Does.Contain(broken.VersionId.ToString()).And.Contain("resumed"));
        Assert.That(_calls, Is.EqualTo(new[] { "dispose" }));
        _store.Verify(s => s.ReplaceSealedMaterialAsync(It.IsAny<Guid>(), It.IsAny<byte[]>(), It.IsAny<byte[]>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
