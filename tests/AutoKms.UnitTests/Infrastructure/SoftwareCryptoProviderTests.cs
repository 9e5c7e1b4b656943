using System.Security.Cryptography;
using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Cryptography;
using AutoKms.Domain.Keys;
using AutoKms.Infrastructure.Crypto;

namespace AutoKms.UnitTests.Infrastructure;

public sealed class SoftwareCryptoProviderTests
{
    private readonly SoftwareCryptoProvider _crypto = new();

    [TestCase(KeyAlgorithm.Aes256Gcm)]
    [TestCase(KeyAlgorithm.ChaCha20Poly1305)]
    public void Aead_RoundTrips_With96BitNonceAnd128BitTag(KeyAlgorithm algorithm)
    {
        using var key = _crypto.GenerateKeyMaterial(algorithm);
        var aad = new byte[] { 1, 2, 3 };

        var payload = _crypto.Encrypt(algorithm, key, "attack at dawn"u8.ToArray(), aad);
        var plain = _crypto.Decrypt(algorithm, key, payload, aad);

        Assert.That(key.Length, Is.EqualTo(32));
        Assert.That(payload.Nonce, Has.Length.EqualTo(12));
        Assert.That(payload.Tag, Has.Length.EqualTo(16));
        Assert.That(plain, Is.EqualTo("attack at dawn"u8.ToArray()));
    }

    [Test]
    public void Aes256Gcm_Ciphertext_IsStandardAesGcm_ThatTheBclDecryptsIndependently()
    {
        using var key = _crypto.GenerateKeyMaterial(KeyAlgorithm.Aes256Gcm);
        var payload = _crypto.Encrypt(KeyAlgorithm.Aes256Gcm, key, "interop"u8.ToArray(), null);

        using var aes = new AesGcm(key.Span, 16);
        var plain = new byte[payload.Ciphertext.Length];
        aes.Decrypt(payload.Nonce!, payload.Ciphertext, payload.Tag!, plain);

        Assert.That(plain, Is.EqualTo("interop"u8.ToArray()));
    }

    [TestCase(KeyAlgorithm.Aes256Gcm)]
    [TestCase(KeyAlgorithm.ChaCha20Poly1305)]
    public void Aead_WithAnyBitFlipped_ThrowsDecryptionFailed(KeyAlgorithm algorithm)
    {
        using var key = _crypto.GenerateKeyMaterial(algorithm);
        var payload = _crypto.Encrypt(algorithm, key, [1, 2, 3, 4], [9]);

        var badCiphertext = payload with { Ciphertext = Flip(payload.Ciphertext) };
        var badTag = payload with { Tag = Flip(payload.Tag!) };
        var badNonce = payload with { Nonce = Flip(payload.Nonce!) };

        Assert.Throws<DecryptionFailedException>(() => _crypto.Decrypt(algorithm, key, badCiphertext, [9]));
        Assert.Throws<DecryptionFailedException>(() => _crypto.Decrypt(algorithm, key, badTag, [9]));
        Assert.Throws<DecryptionFailedException>(() => _crypto.Decrypt(algorithm, key, badNonce, [9]));
        Assert.Throws<DecryptionFailedException>(() => _crypto.Decrypt(algorithm, key, payload, [8]));
        Assert.Throws<DecryptionFailedException>(() => _crypto.Decrypt(algorithm, key, payload with { Tag = payload.Tag![..8] }, [9]));
    }

    [Test]
    public void Aead_NeverRepeatsANonce()
    {
        using var key = _crypto.GenerateKeyMaterial(KeyAlgorithm.Aes256Gcm);

        var nonces = Enumerable.Range(0, 1000).Select(_ => Convert.ToBase64String(_crypto.Encrypt(KeyAlgorithm.Aes256Gcm, key, [0], null).Nonce!)).ToList();

        Assert.That(nonces, Is.Unique);
    }

    [Test]
    public void Aead_DecryptWithoutNonceOrTag_ThrowsInvalidRequest()
    {
        using var key = _crypto.GenerateKeyMaterial(KeyAlgorithm.Aes256Gcm);

        Assert.Throws<InvalidRequestException>(() => _crypto.Decrypt(KeyAlgorithm.Aes256Gcm, key, new CipherPayload(null, [1], null), null));
    }

    [TestCase(KeyAlgorithm.Rsa2048, 256)]
    [TestCase(KeyAlgorithm.Rsa3072, 384)]
    public void Rsa_OaepSha256_RoundTrips_AndAnIndependentRsaDecryptsIt(KeyAlgorithm algorithm, int ciphertextBytes)
    {
        using var key = _crypto.GenerateKeyMaterial(algorithm);

        var payload = _crypto.Encrypt(algorithm, key, "rsa"u8.ToArray(), null);

        Assert.That(payload.Nonce, Is.Null);
        Assert.That(payload.Tag, Is.Null);
        Assert.That(payload.Ciphertext, Has.Length.EqualTo(ciphertextBytes));
        Assert.That(_crypto.Decrypt(algorithm, key, payload, null), Is.EqualTo("rsa"u8.ToArray()));
        using var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(key.Span, out _);
        Assert.That(rsa.Decrypt(payload.Ciphertext, RSAEncryptionPadding.OaepSHA256), Is.EqualTo("rsa"u8.ToArray()));
    }

    [Test]
    public void Rsa_WithTamperedCiphertext_ThrowsDecryptionFailed()
    {
        using var key = _crypto.GenerateKeyMaterial(KeyAlgorithm.Rsa2048);
        var payload = _crypto.Encrypt(KeyAlgorithm.Rsa2048, key, [1], null);

        Assert.Throws<DecryptionFailedException>(() => _crypto.Decrypt(KeyAlgorithm.Rsa2048, key, payload with { Ciphertext = Flip(payload.Ciphertext) }, null));
    }

    [Test]
    public void Rsa2048_PlaintextOver190Bytes_ThrowsInvalidRequest()
    {
        using var key = _crypto.GenerateKeyMaterial(KeyAlgorithm.Rsa2048);

        Assert.DoesNotThrow(() => _crypto.Encrypt(KeyAlgorithm.Rsa2048, key, new byte[190], null));
        Assert.Throws<InvalidRequestException>(() => _crypto.Encrypt(KeyAlgorithm.Rsa2048, key, new byte[191], null));
    }

    [Test]
    public void KeyMaterial_Dispose_ZeroesTheBytes_AndToStringHidesThem()
    {
        var bytes = new byte[] { 1, 2, 3 };
        var material = new KeyMaterial(bytes);

        Assert.That(material.ToString(), Does.Contain("redacted").And.Not.Contain("1"));
        material.Dispose();

        Assert.That(bytes, Is.All.EqualTo(0));
        Assert.Throws<ObjectDisposedException>(() => _ = material.Span.Length);
    }

    private static byte[] Flip(byte[] value)
    {
        var copy = value.ToArray();
        copy[0] ^= 0x01;
        return copy;
    }
}
