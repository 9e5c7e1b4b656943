using AutoKms.Application.Cryptography.Commands.EncryptBatch;
using AutoKms.Application.Cryptography.Commands.GenerateDataKey;
using AutoKms.Application.Cryptography.Commands.GenerateRandom;
using AutoKms.Application.Cryptography.Commands.Sign;
using AutoKms.Application.Cryptography.Commands.VerifySignature;

namespace AutoKms.UnitTests.Application.Cryptography;

public sealed class CryptographyValidatorTests
{
    [TestCase(true, false, true)]
    [TestCase(false, true, true)]
    [TestCase(true, true, false)]
    [TestCase(false, false, false)]
    public void Sign_TakesExactlyOneOfMessageOrDigest(bool withMessage, bool withDigest, bool valid)
    {
        var result = new SignCommandValidator().Validate(new SignCommand(Guid.NewGuid(), withMessage ? [1] : null, withDigest ? new byte[32] : null));

        Assert.That(result.IsValid, Is.EqualTo(valid), string.Join("; ", result.Errors));
        Assert.That(result.Errors.Select(e => e.PropertyName), valid ? Is.Empty : Is.EqualTo(new[] { "message_b64" }));
    }

    [TestCase(31, false)]
    [TestCase(32, true)]
    [TestCase(33, false)]
    [TestCase(64, false)]
    public void Sign_DigestMustBeASha256Digest(int length, bool valid)
    {
        var result = new SignCommandValidator().Validate(new SignCommand(Guid.NewGuid(), null, new byte[length]));

        Assert.That(result.IsValid, Is.EqualTo(valid), string.Join("; ", result.Errors));
        Assert.That(result.Errors.Select(e => e.PropertyName), valid ? Is.Empty : Is.EqualTo(new[] { "digest_b64" }));
    }

    [TestCase(true, false, true)]
    [TestCase(false, true, true)]
    [TestCase(true, true, false)]
    [TestCase(false, false, false)]
    public void VerifySignature_TakesExactlyOneOfMessageOrDigest(bool withMessage, bool withDigest, bool valid)
    {
        var result = new VerifySignatureCommandValidator().Validate(new VerifySignatureCommand(Guid.NewGuid(), withMessage ? [1] : null, withDigest ? new byte[32] : null, [1], null));

        Assert.That(result.IsValid, Is.EqualTo(valid), string.Join("; ", result.Errors));
        Assert.That(result.Errors.Select(e => e.PropertyName), valid ? Is.Empty : Is.EqualTo(new[] { "message_b64" }));
    }

    [TestCase(31, false)]
    [TestCase(32, true)]
    [TestCase(33, false)]
    public void VerifySignature_DigestMustBeASha256Digest(int length, bool valid)
    {
        var result = new VerifySignatureCommandValidator().Validate(new VerifySignatureCommand(Guid.NewGuid(), null, new byte[length], [1], null));

        Assert.That(result.IsValid, Is.EqualTo(valid), string.Join("; ", result.Errors));
        Assert.That(result.Errors.Select(e => e.PropertyName), valid ? Is.Empty : Is.EqualTo(new[] { "digest_b64" }));
    }

    [Test]
    public void VerifySignature_WithoutSignature_IsRefused_NamingSignatureB64()
    {
        var result = new VerifySignatureCommandValidator().Validate(new VerifySignatureCommand(Guid.NewGuid(), [1], null, null!, null));

        Assert.That(result.Errors.Select(e => e.PropertyName), Is.EqualTo(new[] { "signature_b64" }));
    }

    [Test]
    public void VerifySignature_WithVersionZero_IsRefused()
    {
        Assert.That(new VerifySignatureCommandValidator().Validate(new VerifySignatureCommand(Guid.NewGuid(), [1], null, [1], 0)).IsValid, Is.False);
    }

    [TestCase(0, false)]
    [TestCase(1, true)]
    [TestCase(1000, true)]
    [TestCase(1001, false)]
    public void EncryptBatch_TakesOneToAThousandItems(int count, bool valid)
    {
        var items = Enumerable.Range(0, count).Select(_ => new EncryptItem([1], null)).ToList();

        var result = new EncryptBatchCommandValidator().Validate(new EncryptBatchCommand(Guid.NewGuid(), items));

        Assert.That(result.IsValid, Is.EqualTo(valid), string.Join("; ", result.Errors));
        Assert.That(result.Errors.Select(e => e.PropertyName), valid ? Is.Empty : Is.EqualTo(new[] { "batch_input" }));
    }

    [Test]
    public void EncryptBatch_WithTheAllZeroKeyId_IsValid_SoTheKeyLookupAnswers404()
    {
        Assert.That(new EncryptBatchCommandValidator().Validate(new EncryptBatchCommand(Guid.Empty, [new([1], null)])).IsValid, Is.True);
    }

    [TestCase(-1, false)]
    [TestCase(0, false)]
    [TestCase(1, true)]
    [TestCase(1024, true)]
    [TestCase(1025, false)]
    public void GenerateRandom_TakesOneTo1024Bytes(int bytes, bool valid)
    {
        var result = new GenerateRandomCommandValidator().Validate(new GenerateRandomCommand(bytes));

        Assert.That(result.IsValid, Is.EqualTo(valid), string.Join("; ", result.Errors));
    }

    [TestCase(0, false)]
    [TestCase(1, false)]
    [TestCase(15, false)]
    [TestCase(16, true)]
    [TestCase(32, true)]
    [TestCase(1024, true)]
    [TestCase(1025, false)]
    public void GenerateDataKey_Takes16To1024Bytes(int bytes, bool valid)
    {
        var result = new GenerateDataKeyCommandValidator().Validate(new GenerateDataKeyCommand(Guid.NewGuid(), bytes, null, true));

        Assert.That(result.IsValid, Is.EqualTo(valid), string.Join("; ", result.Errors));
        Assert.That(result.Errors.Select(e => e.PropertyName), valid ? Is.Empty : Is.EqualTo(new[] { "bytes" }));
    }

    [Test]
    public void GenerateRandom_WithoutBytes_SaysBytesIsRequired()
    {
        var result = new GenerateRandomCommandValidator().Validate(new GenerateRandomCommand(null));

        Assert.That(result.Errors.Select(e => e.ErrorMessage), Is.EqualTo(new[] { "'bytes' is required: how many random bytes, 1 to 1024." }));
    }
}
