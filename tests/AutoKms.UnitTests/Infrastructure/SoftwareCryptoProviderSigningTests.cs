using System.Buffers.Text;
using System.Security.Cryptography;
using AutoKms.Domain.Keys;
using AutoKms.Domain.Keys.Exceptions;
using AutoKms.Infrastructure.Crypto;

namespace AutoKms.UnitTests.Infrastructure;

public sealed class SoftwareCryptoProviderSigningTests
{
    private static readonly byte[] Digest = SHA256.HashData("sign me"u8);

    private readonly SoftwareCryptoProvider _crypto = new();

    [TestCase(KeyAlgorithm.Rsa2048)]
    [TestCase(KeyAlgorithm.Rsa3072)]
    [TestCase(KeyAlgorithm.EcP256)]
    public void SignDigest_ThenVerifyDigest_RoundTrips(KeyAlgorithm algorithm)
    {
        using var key = _crypto.GenerateKeyMaterial(algorithm);

        var signature = _crypto.SignDigest(algorithm, key, Digest);

        Assert.That(_crypto.VerifyDigest(algorithm, key, Digest, signature), Is.True);
    }

    [Test]
    public void SignDigest_Rsa2048_IsPssSha256_ThatAnIndependentRsaVerifies()
    {
        using var key = _crypto.GenerateKeyMaterial(KeyAlgorithm.Rsa2048);

        var signature = _crypto.SignDigest(KeyAlgorithm.Rsa2048, key, Digest);

        using var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(key.Span, out _);
        Assert.That(signature, Has.Length.EqualTo(256));
        Assert.That(rsa.VerifyHash(Digest, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss), Is.True);
        Assert.That(rsa.VerifyHash(Digest, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), Is.False);
    }

    [Test]
    public void SignDigest_EcP256_IsDerEcdsa_ThatAnIndependentEcdsaVerifies()
    {
        using var key = _crypto.GenerateKeyMaterial(KeyAlgorithm.EcP256);

        var signature = _crypto.SignDigest(KeyAlgorithm.EcP256, key, Digest);

        using var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(key.Span, out _);
        Assert.That(signature[0], Is.EqualTo(0x30), "a DER SEQUENCE");
        Assert.That(ecdsa.VerifyHash(Digest, signature, DSASignatureFormat.Rfc3279DerSequence), Is.True);
    }

    [TestCase(KeyAlgorithm.Rsa2048)]
    [TestCase(KeyAlgorithm.EcP256)]
    public void VerifyDigest_WithATamperedSignature_ReturnsFalse(KeyAlgorithm algorithm)
    {
        using var key = _crypto.GenerateKeyMaterial(algorithm);
        var signature = _crypto.SignDigest(algorithm, key, Digest);
        signature[signature.Length / 2] ^= 0x01;

        var valid = _crypto.VerifyDigest(algorithm, key, Digest, signature);

        Assert.That(valid, Is.False);
    }

    [TestCase(KeyAlgorithm.Rsa2048)]
    [TestCase(KeyAlgorithm.EcP256)]
    public void VerifyDigest_OfAnotherDigest_ReturnsFalse(KeyAlgorithm algorithm)
    {
        using var key = _crypto.GenerateKeyMaterial(algorithm);
        var signature = _crypto.SignDigest(algorithm, key, Digest);

        var valid = _crypto.VerifyDigest(algorithm, key, SHA256.HashData("something else"u8), signature);

        Assert.That(valid, Is.False);
    }

    [TestCase(KeyAlgorithm.Rsa2048)]
    [TestCase(KeyAlgorithm.EcP256)]
    public void VerifyDigest_WithAnotherKeysSignature_ReturnsFalse(KeyAlgorithm algorithm)
    {
        using var key = _crypto.GenerateKeyMaterial(algorithm);
        using var other = _crypto.GenerateKeyMaterial(algorithm);
        var signature = _crypto.SignDigest(algorithm, other, Digest);

        var valid = _crypto.VerifyDigest(algorithm, key, Digest, signature);

        Assert.That(valid, Is.False);
    }

    [TestCase(KeyAlgorithm.Rsa2048, new byte[] { 1, 2, 3 })]
    [TestCase(KeyAlgorithm.Rsa2048, new byte[0])]
    [TestCase(KeyAlgorithm.EcP256, new byte[] { 1, 2, 3 })]
    [TestCase(KeyAlgorithm.EcP256, new byte[] { 0x30, 0x81, 0xFF, 0x02 })]
    [TestCase(KeyAlgorithm.EcP256, new byte[0])]
    public void VerifyDigest_WithGarbageSignatureBytes_ReturnsFalse(KeyAlgorithm algorithm, byte[] garbage)
    {
        using var key = _crypto.GenerateKeyMaterial(algorithm);

        var valid = _crypto.VerifyDigest(algorithm, key, Digest, garbage);

        Assert.That(valid, Is.False);
    }

    [Test]
    public void Mac_IsHmacSha256_AndVerifyMacAcceptsIt()
    {
        using var key = _crypto.GenerateKeyMaterial(KeyAlgorithm.HmacSha256);
        var message = "authenticate me"u8.ToArray();

        var mac = _crypto.Mac(key, message);

        Assert.That(mac, Is.EqualTo(HMACSHA256.HashData(key.Span, message)));
        Assert.That(_crypto.VerifyMac(key, message, mac), Is.True);
    }

    [Test]
    public void VerifyMac_WithAWrongMac_ReturnsFalse()
    {
        using var key = _crypto.GenerateKeyMaterial(KeyAlgorithm.HmacSha256);
        var message = "authenticate me"u8.ToArray();
        var mac = _crypto.Mac(key, message);
        var flipped = mac.ToArray();
        flipped[^1] ^= 0x01;

        Assert.That(_crypto.VerifyMac(key, message, flipped), Is.False);
        Assert.That(_crypto.VerifyMac(key, message, mac[..16]), Is.False);
        Assert.That(_crypto.VerifyMac(key, message, []), Is.False);
        Assert.That(_crypto.VerifyMac(key, "another message"u8.ToArray(), mac), Is.False);
    }

    [TestCase(KeyUsage.SignVerify, "PS256", "sig")]
    [TestCase(KeyUsage.EncryptDecrypt, "RSA-OAEP-256", "enc")]
    public void ExportPublicKey_Rsa_JwkCarriesTheKeysModulusAndExponent(KeyUsage usage, string alg, string use)
    {
        using var key = _crypto.GenerateKeyMaterial(KeyAlgorithm.Rsa2048);

        var exported = _crypto.ExportPublicKey(KeyAlgorithm.Rsa2048, usage, key);

        using var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(key.Span, out _);
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        Assert.That(exported.Jwk["kty"], Is.EqualTo("RSA"));
        Assert.That(Base64Url.DecodeFromChars(exported.Jwk["n"]), Is.EqualTo(parameters.Modulus));
        Assert.That(Base64Url.DecodeFromChars(exported.Jwk["e"]), Is.EqualTo(parameters.Exponent));
        Assert.That(exported.Jwk["alg"], Is.EqualTo(alg));
        Assert.That(exported.Jwk["use"], Is.EqualTo(use));
        Assert.That(exported.SubjectPublicKeyInfo, Is.EqualTo(rsa.ExportSubjectPublicKeyInfo()));
        Assert.That(exported.Jwk, Does.Not.ContainKey("d"));
    }

    [Test]
    public void ExportPublicKey_EcP256_IsAP256JwkOfTheKeysPoint()
    {
        using var key = _crypto.GenerateKeyMaterial(KeyAlgorithm.EcP256);

        var exported = _crypto.ExportPublicKey(KeyAlgorithm.EcP256, KeyUsage.SignVerify, key);

        using var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(key.Span, out _);
        var point = ecdsa.ExportParameters(includePrivateParameters: false).Q;
        Assert.That(exported.Jwk["kty"], Is.EqualTo("EC"));
        Assert.That(exported.Jwk["crv"], Is.EqualTo("P-256"));
        Assert.That(Base64Url.DecodeFromChars(exported.Jwk["x"]), Is.EqualTo(point.X));
        Assert.That(Base64Url.DecodeFromChars(exported.Jwk["y"]), Is.EqualTo(point.Y));
        Assert.That(exported.SubjectPublicKeyInfo, Is.EqualTo(ecdsa.ExportSubjectPublicKeyInfo()));
        Assert.That(exported.Jwk, Does.Not.ContainKey("d"));
    }

    [TestCase(KeyAlgorithm.Aes256Gcm)]
    [TestCase(KeyAlgorithm.ChaCha20Poly1305)]
    [TestCase(KeyAlgorithm.HmacSha256)]
    public void ExportPublicKey_OfASymmetricKey_ThrowsUnsupported(KeyAlgorithm algorithm)
    {
        using var key = _crypto.GenerateKeyMaterial(algorithm);

        Assert.Throws<UnsupportedKeyOperationException>(() => _crypto.ExportPublicKey(algorithm, KeyAlgorithmRules.DefaultUsage(algorithm), key));
    }

    [TestCase(1)]
    [TestCase(32)]
    [TestCase(1024)]
    public void Random_AnswersTheRequestedNumberOfBytes(int count)
    {
        var bytes = _crypto.Random(count);

        Assert.That(bytes, Has.Length.EqualTo(count));
    }

    [Test]
    public void Random_NeverRepeatsA32ByteValue()
    {
        var values = Enumerable.Range(0, 100).Select(_ => Convert.ToBase64String(_crypto.Random(32))).ToList();

        Assert.That(values, Is.Unique);
    }
}
