using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Cryptography;
using AutoKms.Domain.Keys;

namespace AutoKms.UnitTests.Application.Cryptography;

public sealed class AkmsCiphertextTests
{
    private static readonly byte[] Nonce = [.. Enumerable.Range(1, 12).Select(i => (byte)i)];
    private static readonly byte[] Ciphertext = [0xC0, 0xC1, 0xC2, 0xC3, 0xC4];
    private static readonly byte[] Tag = [.. Enumerable.Range(0xE0, 16).Select(i => (byte)i)];

    [Test]
    public void Format_WritesVersionAndBase64OfNonceCiphertextTag()
    {
        var text = AkmsCiphertext.Format(3, Nonce, Ciphertext, Tag);

        Assert.That(text, Is.EqualTo("akms:v3:" + Convert.ToBase64String([.. Nonce, .. Ciphertext, .. Tag])));
    }

    [TestCase(KeyAlgorithm.Aes256Gcm)]
    [TestCase(KeyAlgorithm.ChaCha20Poly1305)]
    public void FormatThenParse_ForAead_SplitsBackNonceCiphertextAndTag(KeyAlgorithm algorithm)
    {
        var text = AkmsCiphertext.Format(3, Nonce, Ciphertext, Tag);

        Assert.That(AkmsCiphertext.TryParse(text, "ciphertext", out var data, out _), Is.True);
        var payload = data!.ToPayload(algorithm);

        Assert.That(data.PackedVersion, Is.EqualTo(3));
        Assert.That(payload.Nonce, Is.EqualTo(Nonce));
        Assert.That(payload.Ciphertext, Is.EqualTo(Ciphertext));
        Assert.That(payload.Tag, Is.EqualTo(Tag));
    }

    [TestCase(KeyAlgorithm.Rsa2048)]
    [TestCase(KeyAlgorithm.Rsa3072)]
    public void FormatThenParse_ForRsa_KeepsTheCiphertextWhole(KeyAlgorithm algorithm)
    {
        var rsaCiphertext = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        var text = AkmsCiphertext.Format(12, null, rsaCiphertext, null);

        Assert.That(AkmsCiphertext.TryParse(text, "ciphertext", out var data, out _), Is.True);
        var payload = data!.ToPayload(algorithm);

        Assert.That(text, Does.StartWith("akms:v12:"));
        Assert.That(payload.Nonce, Is.Null);
        Assert.That(payload.Tag, Is.Null);
        Assert.That(payload.Ciphertext, Is.EqualTo(rsaCiphertext));
    }

    [TestCase("xyz")]
    [TestCase("akms:v0:AAAA")]
    [TestCase("akms:v-1:AAAA")]
    [TestCase("akms:vx:AAAA")]
    [TestCase("akms:v:AAAA")]
    [TestCase("akms:v1AAAA")]
    [TestCase("AKMS:v1:AAAA")]
    public void TryParse_WithoutThePrefixAndAPositiveVersion_Fails_NamingTheForm(string text)
    {
        Assert.That(AkmsCiphertext.TryParse(text, "ciphertext", out _, out var error), Is.False);

        Assert.That(error, Is.EqualTo("ciphertext must look like akms:v<version>:<base64>"));
    }

    [TestCase("akms:v1:!!!")]
    [TestCase("akms:v1:")]
    [TestCase("akms:v1:A")]
    public void TryParse_WithBadBase64_Fails_NamingTheField(string text)
    {
        Assert.That(AkmsCiphertext.TryParse(text, "ciphertext", out _, out var error), Is.False);

        Assert.That(error, Is.EqualTo("Invalid base64 encoding for ciphertext"));
    }

    [Test]
    public void ToPayload_ForAeadShorterThanNonceAndTag_ThrowsDecryptionFailed()
    {
        var data = EncryptedData.SelfDescribing(1, new byte[AeadSizes.Nonce + AeadSizes.Tag - 1]);

        Assert.Throws<DecryptionFailedException>(() => data.ToPayload(KeyAlgorithm.Aes256Gcm));
    }

    [Test]
    public void ToPayload_ForSplitFields_PassesThemThrough()
    {
        var payload = EncryptedData.Split(Ciphertext, Nonce, Tag).ToPayload(KeyAlgorithm.Aes256Gcm);

        Assert.That(payload.Nonce, Is.SameAs(Nonce));
        Assert.That(payload.Ciphertext, Is.SameAs(Ciphertext));
        Assert.That(payload.Tag, Is.SameAs(Tag));
    }

    [Test]
    public void ResolveVersion_WithARequestedVersionThatContradictsTheCiphertext_ThrowsInvalidRequest()
    {
        var data = EncryptedData.SelfDescribing(2, [1]);

        var error = Assert.Throws<InvalidRequestException>(() => data.ResolveVersion(3));
        Assert.That(error!.Message, Is.EqualTo("version 3 does not match the ciphertext's version 2"));
    }

    [TestCase(2, 2)]
    [TestCase(null, 2)]
    public void ResolveVersion_OfASelfDescribingCiphertext_IsTheVersionItNames(int? requested, int expected)
    {
        Assert.That(EncryptedData.SelfDescribing(2, [1]).ResolveVersion(requested), Is.EqualTo(expected));
    }

    [TestCase(4, 4)]
    [TestCase(null, null)]
    public void ResolveVersion_OfSplitFields_IsTheRequestedVersion(int? requested, int? expected)
    {
        Assert.That(EncryptedData.Split([1], null, null).ResolveVersion(requested), Is.EqualTo(expected));
    }
}
