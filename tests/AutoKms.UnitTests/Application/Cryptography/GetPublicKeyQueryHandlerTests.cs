using System.Security.Cryptography;
using AutoKms.Application.Cryptography;
using AutoKms.Application.Cryptography.Queries.GetPublicKey;
using AutoKms.Domain.Keys;
using AutoKms.Domain.Keys.Exceptions;
using AutoKms.Infrastructure.Crypto;
using AutoKms.UnitTests.Support;
using Moq;

namespace AutoKms.UnitTests.Application.Cryptography;

public sealed class GetPublicKeyQueryHandlerTests
{
    private readonly Fixture _fixture = new();

    private GetPublicKeyQueryHandler Handler => new(_fixture.Reader, _fixture.Crypto.Object);

    [TestCase(KeyAlgorithm.Aes256Gcm)]
    [TestCase(KeyAlgorithm.ChaCha20Poly1305)]
    [TestCase(KeyAlgorithm.HmacSha256)]
    public void Handle_ForASymmetricKey_ThrowsUnsupported_AndNeverUnseals(KeyAlgorithm algorithm)
    {
        var key = _fixture.GivenKey(algorithm);

        Assert.ThrowsAsync<UnsupportedKeyOperationException>(() => Handler.Handle(new GetPublicKeyQuery(key.Id, null), CancellationToken.None));
        _fixture.Sealer.Verify(s => s.Unseal(It.IsAny<SealingContext>(), It.IsAny<ReadOnlyMemory<byte>>()), Times.Never);
    }

    [Test]
    public async Task Handle_ForAnAsymmetricKey_AnswersPemOfTheSpki_AndJwkWithKidOfKeyAndVersion()
    {
        var key = _fixture.GivenKey(KeyAlgorithm.EcP256, versions: 2);
        byte[] spki = [0x30, 0x59, 1, 2, 3];
        byte[]? usedKey = null;
        _fixture.Crypto.Setup(c => c.ExportPublicKey(KeyAlgorithm.EcP256, KeyUsage.SignVerify, It.IsAny<KeyMaterial>()))
            .Callback((KeyAlgorithm _, KeyUsage _, KeyMaterial m) => usedKey = m.Span.ToArray())
            .Returns(new PublicKeyExport(spki, new Dictionary<string, string> { ["kty"] = "EC", ["crv"] = "P-256" }));

        var result = await Handler.Handle(new GetPublicKeyQuery(key.Id, 1), CancellationToken.None);

        Assert.That(result.KeyId, Is.EqualTo(key.Id));
        Assert.That(result.Version, Is.EqualTo(1));
        Assert.That(result.Algorithm, Is.EqualTo("EC_P256"));
        Assert.That(result.Pem, Does.StartWith("-----BEGIN PUBLIC KEY-----"));
        Assert.That(PemEncoding.TryFind(result.Pem, out var fields), Is.True);
        Assert.That(Convert.FromBase64String(result.Pem[fields.Base64Data]), Is.EqualTo(spki));
        Assert.That(result.Jwk["kid"], Is.EqualTo($"{key.Id}/1"));
        Assert.That(result.Jwk["crv"], Is.EqualTo("P-256"));
        using var expected = Fixture.MaterialFor(key.Id, 1);
        Assert.That(usedKey, Is.EqualTo(expected.Span.ToArray()));
    }

    [Test]
    public async Task Handle_WithoutVersion_ExportsThePrimary()
    {
        var key = _fixture.GivenKey(KeyAlgorithm.Rsa2048, versions: 3, usage: KeyUsage.SignVerify);
        _fixture.Crypto.Setup(c => c.ExportPublicKey(It.IsAny<KeyAlgorithm>(), It.IsAny<KeyUsage>(), It.IsAny<KeyMaterial>()))
            .Returns(new PublicKeyExport([1], new Dictionary<string, string> { ["kty"] = "RSA" }));

        var result = await Handler.Handle(new GetPublicKeyQuery(key.Id, null), CancellationToken.None);

        Assert.That(result.Version, Is.EqualTo(3));
        Assert.That(result.Jwk["kid"], Is.EqualTo($"{key.Id}/3"));
        _fixture.Sealer.Verify(s => s.Unseal(Fixture.Context(key.Id, 3), It.IsAny<ReadOnlyMemory<byte>>()), Times.Once);
    }

    [Test]
    public async Task Handle_WithTheSoftwareProvider_AnswersAPemThatImportsAsTheKeysPublicHalf()
    {
        var software = new SoftwareCryptoProvider();
        using var generated = software.GenerateKeyMaterial(KeyAlgorithm.EcP256);
        var pkcs8 = generated.Span.ToArray();
        var key = _fixture.GivenKey(KeyAlgorithm.EcP256);
        _fixture.Sealer.Setup(s => s.Unseal(Fixture.Context(key.Id, 1), It.IsAny<ReadOnlyMemory<byte>>())).Returns(() => new KeyMaterial(pkcs8.ToArray()));

        var result = await new GetPublicKeyQueryHandler(_fixture.Reader, software).Handle(new GetPublicKeyQuery(key.Id, null), CancellationToken.None);

        using var original = ECDsa.Create();
        original.ImportPkcs8PrivateKey(pkcs8, out _);
        using var imported = ECDsa.Create();
        imported.ImportFromPem(result.Pem);
        Assert.That(imported.ExportSubjectPublicKeyInfo(), Is.EqualTo(original.ExportSubjectPublicKeyInfo()));
        Assert.That(result.Jwk["kid"], Is.EqualTo($"{key.Id}/1"));
        Assert.That(result.Jwk["crv"], Is.EqualTo("P-256"));
    }
}
