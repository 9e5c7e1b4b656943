using AutoKms.Application.Cryptography;
using AutoKms.Application.Cryptography.Commands.Decrypt;
using AutoKms.Application.Cryptography.Commands.Encrypt;
using AutoKms.Application.Keys.Commands.CreateKey;
using AutoKms.Application.Keys.Commands.CreateKeys;
using AutoKms.Application.Keys.Commands.UpdateKey;
using AutoKms.Application.KeyVersions.Commands.UpdateKeyVersion;

namespace AutoKms.UnitTests.Application.Common;

public sealed class ValidatorTests
{
    [TestCase("AES256_GCM", null, true)]
    [TestCase("RSA3072", "sign_verify", true)]
    [TestCase("EC_P256", null, true)]
    [TestCase("AES256_GCM", "sign_verify", false)]
    [TestCase("HMAC_SHA256", "encrypt_decrypt", false)]
    [TestCase("DES", null, false)]
    [TestCase("", null, false)]
    public void CreateKey_AcceptsOnlyKnownAlgorithmsAndUsagesTheyServe(string algorithm, string? usage, bool valid)
    {
        var result = new CreateKeyCommandValidator().Validate(new CreateKeyCommand("name", algorithm, usage));

        Assert.That(result.IsValid, Is.EqualTo(valid), string.Join("; ", result.Errors));
    }

    [TestCase("", false)]
    [TestCase("a", true)]
    public void CreateKey_NameMustBeNonEmpty(string name, bool valid)
    {
        Assert.That(new CreateKeyCommandValidator().Validate(new CreateKeyCommand(name, "AES256_GCM")).IsValid, Is.EqualTo(valid));
    }

    [Test]
    public void CreateKey_NameOf121Characters_IsRefused_WithSnakeCaseFieldName()
    {
        var result = new CreateKeyCommandValidator().Validate(new CreateKeyCommand(new string('a', 121), "AES256_GCM"));

        Assert.That(result.Errors.Select(e => e.PropertyName), Is.EqualTo(new[] { "Name" }).Or.EqualTo(new[] { "name" }));
    }

    [Test]
    public void CreateKeys_WithDuplicateNamesInTheArray_IsRefused()
    {
        var result = new CreateKeysCommandValidator().Validate(new CreateKeysCommand([new("a", "AES256_GCM"), new("a", "AES256_GCM")]));

        Assert.That(result.IsValid, Is.False);
    }

    [Test]
    public void UpdateKey_ReplaceWithoutStatus_IsRefused_PatchWithNothing_IsRefused()
    {
        var validator = new UpdateKeyCommandValidator();

        Assert.That(validator.Validate(new UpdateKeyCommand(Guid.NewGuid(), "n", null, Replace: true)).IsValid, Is.False);
        Assert.That(validator.Validate(new UpdateKeyCommand(Guid.NewGuid(), null, null)).IsValid, Is.False);
        Assert.That(validator.Validate(new UpdateKeyCommand(Guid.NewGuid(), null, "disabled")).IsValid, Is.True);
    }

    [TestCase("enabled", true)]
    [TestCase("destroyed", true)]
    [TestCase("deleted", false)]
    public void UpdateKeyVersion_AcceptsKnownStatuses(string status, bool valid)
    {
        Assert.That(new UpdateKeyVersionCommandValidator().Validate(new UpdateKeyVersionCommand(Guid.NewGuid(), status)).IsValid, Is.EqualTo(valid));
    }

    [Test]
    public void Encrypt_WithoutPlaintext_IsRefused_NamingPlaintextB64()
    {
        var result = new EncryptCommandValidator().Validate(new EncryptCommand(Guid.NewGuid(), null!, null));

        Assert.That(result.Errors.Select(e => e.PropertyName), Does.Contain("plaintext_b64"));
    }

    [Test]
    public void Decrypt_WithVersionZero_IsRefused()
    {
        Assert.That(new DecryptCommandValidator().Validate(new DecryptCommand(Guid.NewGuid(), EncryptedData.Split([1], null, null), null, 0)).IsValid, Is.False);
    }
}
