using AutoKms.Application.Common.Behaviours;
using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Common.Validation;
using AutoKms.Application.Cryptography;
using AutoKms.Application.Cryptography.Commands.Encrypt;
using AutoKms.Application.Cryptography.Commands.WrapKey;
using AutoKms.Application.KeyVersions.Commands.CreateKeyVersion;
using AutoKms.Domain.Keys;
using AutoKms.UnitTests.Support;
using FluentValidation;
using FluentValidation.Results;

namespace AutoKms.UnitTests.Application.Wire;

public sealed class DecodingFailureTests
{
    [Test]
    public void Validation_ReportsWhatCouldNotBeDecoded_AndNeverCallsTheHandler()
    {
        var behaviour = new ValidationBehaviour<EncryptCommand, int>([new EncryptCommandValidator()]);
        var command = new EncryptCommand(Guid.NewGuid(), [], null)
        {
            DecodingFailures = [new ValidationFailure("plaintext_b64", "Invalid base64 encoding for plaintext_b64") { ErrorCode = ErrorCodes.BadRequest }],
        };
        var called = false;

        var error = Assert.ThrowsAsync<ValidationException>(() => behaviour.Handle(command, CancellationToken.None, () =>
        {
            called = true;
            return Task.FromResult(1);
        }));

        Assert.That(called, Is.False);
        Assert.That(error!.Errors.Single().ErrorMessage, Is.EqualTo("Invalid base64 encoding for plaintext_b64"));
        Assert.That(error.Errors.Single().IsBadRequest(), Is.True);
    }

    [Test]
    public void EncryptValidator_WithACallerNonce_RefusesIt_AsABadRequestNamingTheField()
    {
        var result = new EncryptCommandValidator().Validate(new EncryptCommand(Guid.NewGuid(), [1], null) { CallerNonce = true });

        Assert.That(result.Errors.Single().PropertyName, Is.EqualTo("nonce_b64"));
        Assert.That(result.Errors.Single().ErrorMessage, Is.EqualTo(CallerNonceRule.Message));
        Assert.That(result.Errors.Single().IsBadRequest(), Is.True);
    }

    [Test]
    public void WrapValidator_AcceptsEmptyKeyMaterial_ButNotAMissingOne()
    {
        var validator = new WrapKeyCommandValidator();

        Assert.That(validator.Validate(new WrapKeyCommand(Guid.NewGuid(), [], null)).IsValid, Is.True);
        Assert.That(validator.Validate(new WrapKeyCommand(Guid.NewGuid(), null!, null)).Errors.Single().PropertyName, Is.EqualTo("key_material_b64"));
    }

    [Test]
    public void BatchErrors_DescribeAValidationFailure_ByItsMessagesAlone()
    {
        var error = new ValidationException([new ValidationFailure("nonce_b64", "'nonce_b64' is required for AES256_GCM keys.")]);

        Assert.That(BatchErrors.Describe(error), Is.EqualTo("'nonce_b64' is required for AES256_GCM keys."));
        Assert.That(BatchErrors.IsItemError(error), Is.True);
    }
}

public sealed class AkmsCiphertextSpellingTests
{
    private static readonly string Canonical = AkmsCiphertext.Format(1, new byte[12], [1, 2, 3], new byte[16]);

    [Test]
    public void TryParse_TheCanonicalSpelling_Succeeds()
    {
        Assert.That(AkmsCiphertext.TryParse(Canonical, "ciphertext", out var data, out _), Is.True);
        Assert.That(data!.PackedVersion, Is.EqualTo(1));
    }

    [TestCase("akms:v01:")]
    [TestCase("akms:v001:")]
    public void TryParse_AVersionWithLeadingZeros_Fails(string prefix)
    {
        var text = prefix + Canonical["akms:v1:".Length..];

        Assert.That(AkmsCiphertext.TryParse(text, "ciphertext", out _, out var error), Is.False);
        Assert.That(error, Does.Contain("akms:v<version>"));
    }

    [Test]
    public void TryParse_SurroundingWhitespace_Fails()
    {
        Assert.That(AkmsCiphertext.TryParse(" " + Canonical, "ciphertext", out _, out _), Is.False);
        Assert.That(AkmsCiphertext.TryParse(Canonical + "\n", "ciphertext", out _, out _), Is.False);
    }

    [Test]
    public void TryParse_NonCanonicalBase64Inside_Fails()
    {
        var unpadded = Canonical.TrimEnd('=');
        var strayBits = "akms:v1:AB==";

        Assert.That(unpadded, Is.Not.EqualTo(Canonical), "31 packed bytes need padding");
        Assert.That(AkmsCiphertext.TryParse(unpadded, "ciphertext", out _, out var error), Is.False);
        Assert.That(error, Is.EqualTo("Invalid base64 encoding for ciphertext"));
        Assert.That(AkmsCiphertext.TryParse(strayBits, "ciphertext", out _, out _), Is.False, "AB== has bits set past its one byte");
    }
}

public sealed class EncryptedDataTests
{
    [Test]
    public void ToPayload_SplitFormWithoutNonce_ForAnAeadKey_Is422NamingNonce()
    {
        var data = EncryptedData.Split([1, 2], null, new byte[16]);

        var error = Assert.Throws<ValidationException>(() => data.ToPayload(KeyAlgorithm.Aes256Gcm));

        Assert.That(error!.Errors.Single().PropertyName, Is.EqualTo("nonce_b64"));
        Assert.That(error.Errors.Single().ErrorMessage, Is.EqualTo("'nonce_b64' is required for AES256_GCM keys."));
    }

    [Test]
    public void ToPayload_SplitFormWithoutTag_ForAnAeadKey_Is422NamingTag()
    {
        var data = EncryptedData.Split([1, 2], new byte[12], null);

        var error = Assert.Throws<ValidationException>(() => data.ToPayload(KeyAlgorithm.ChaCha20Poly1305));

        Assert.That(error!.Errors.Single().PropertyName, Is.EqualTo("tag_b64"));
    }

    [Test]
    public void ToPayload_SplitFormWithoutNonce_ForRsa_IsFine()
    {
        Assert.That(EncryptedData.Split([1, 2], null, null).ToPayload(KeyAlgorithm.Rsa2048).Nonce, Is.Null);
    }

    [Test]
    public void EnsureMadeBy_WithTheKeysOwnKidAndAlg_Passes_AndWithAnotherKid_Is422()
    {
        var key = new Fixture().GivenKey();
        var own = EncryptedData.Split([1], null, null) with { MadeByKey = key.Id, MadeByAlgorithm = "AES256_GCM" };
        var other = own with { MadeByKey = Guid.NewGuid() };
        var wrongAlg = own with { MadeByAlgorithm = "RSA2048" };

        Assert.DoesNotThrow(() => own.EnsureMadeBy(key));
        Assert.That(Assert.Throws<ValidationException>(() => other.EnsureMadeBy(key))!.Errors.Single().PropertyName, Is.EqualTo("kid"));
        Assert.That(Assert.Throws<ValidationException>(() => wrongAlg.EnsureMadeBy(key))!.Errors.Single().PropertyName, Is.EqualTo("alg"));
    }

    [Test]
    public void ResolveVersion_WhenTheRequestContradictsTheCiphertext_IsRefused()
    {
        var data = EncryptedData.SelfDescribing(2, new byte[30]);

        Assert.Throws<InvalidRequestException>(() => data.ResolveVersion(1));
        Assert.That(data.ResolveVersion(2), Is.EqualTo(2));
    }
}

public sealed class OriginalStatusTests
{
    [TestCase("active", KeyVersionStatus.Enabled)]
    [TestCase("ACTIVE", KeyVersionStatus.Enabled)]
    [TestCase("enabled", KeyVersionStatus.Enabled)]
    [TestCase("destroyed", KeyVersionStatus.Destroyed)]
    public void VersionStatus_TakesTheOriginalsActive(string text, KeyVersionStatus expected)
    {
        Assert.That(KeyAlgorithmNames.TryParseVersionStatus(text, out var status), Is.True);
        Assert.That(status, Is.EqualTo(expected));
    }

    [TestCase(null, true)]
    [TestCase("active", true)]
    [TestCase("enabled", true)]
    [TestCase("disabled", false)]
    [TestCase("destroyed", false)]
    public void CreateKeyVersion_TakesOnlyAnEnabledStatus(string? status, bool valid)
    {
        var result = new CreateKeyVersionCommandValidator().Validate(new CreateKeyVersionCommand(Guid.NewGuid(), status));

        Assert.That(result.IsValid, Is.EqualTo(valid), string.Join("; ", result.Errors));
    }

    [Test]
    public void CreateKeyVersion_WithoutAKeyId_SaysKeyIdIsRequired()
    {
        var result = new CreateKeyVersionCommandValidator().Validate(new CreateKeyVersionCommand(null));

        Assert.That(result.Errors.Single().PropertyName, Is.EqualTo("key_id"));
    }
}
