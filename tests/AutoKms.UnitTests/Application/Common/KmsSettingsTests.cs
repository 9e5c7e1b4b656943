using AutoKms.Application.Common;

namespace AutoKms.UnitTests.Application.Common;

public sealed class KmsSettingsTests
{
    private readonly KmsSettingsValidation _validation = new();

    [Test]
    public void Defaults_AreValid_AndLimitEncryptionsTo2Pow31()
    {
        var settings = new KmsSettings();

        Assert.That(_validation.Validate(null, settings).Succeeded, Is.True);
        Assert.That(settings.MaxEncryptionsPerVersion, Is.EqualTo(1L << 31));
        Assert.That(settings.DeletedKeyRetentionDays, Is.EqualTo(7));
        Assert.That(settings.DeletedKeyRetention, Is.EqualTo(TimeSpan.FromDays(7)));
    }

    [TestCase(1L, 0)]
    [TestCase(1L << 32, 3650)]
    public void Validate_AtTheEdgesOfTheRanges_Succeeds(long maxEncryptions, int retentionDays)
    {
        var settings = new KmsSettings { MaxEncryptionsPerVersion = maxEncryptions, DeletedKeyRetentionDays = retentionDays };

        Assert.That(_validation.Validate(null, settings).Succeeded, Is.True);
    }

    [TestCase(0L, 7, "Kms:MaxEncryptionsPerVersion")]
    [TestCase(-1L, 7, "Kms:MaxEncryptionsPerVersion")]
    [TestCase((1L << 32) + 1, 7, "Kms:MaxEncryptionsPerVersion")]
    [TestCase(100L, -1, "Kms:DeletedKeyRetentionDays")]
    [TestCase(100L, 3651, "Kms:DeletedKeyRetentionDays")]
    public void Validate_WithUnsafeValues_FailsNamingTheSetting(long maxEncryptions, int retentionDays, string setting)
    {
        var settings = new KmsSettings { MaxEncryptionsPerVersion = maxEncryptions, DeletedKeyRetentionDays = retentionDays };

        var result = _validation.Validate(null, settings);

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.StartWith(setting));
    }

    [Test]
    public void Validate_WithTwoUnsafeValues_NamesBoth()
    {
        var result = _validation.Validate(null, new KmsSettings { MaxEncryptionsPerVersion = 0, DeletedKeyRetentionDays = -1 });

        Assert.That(result.Failures, Is.EquivalentTo(new[] { "Kms:MaxEncryptionsPerVersion must be between 1 and 2^32 (the random-nonce bound of NIST SP 800-38D).", "Kms:DeletedKeyRetentionDays must be between 0 and 3650." }));
    }
}
