using AutoKms.Application.Common;

namespace AutoKms.UnitTests.Application.Common;

public sealed class KmsSettingsTests
{
    [Test]
    public void Defaults_AreValid_AndLimitEncryptionsTo2Pow31()
    {
        var settings = new KmsSettings().Validated();

        Assert.That(settings.MaxEncryptionsPerVersion, Is.EqualTo(1L << 31));
        Assert.That(settings.DeletedKeyRetentionDays, Is.EqualTo(7));
    }

    [TestCase(0L, 7)]
    [TestCase(-1L, 7)]
    [TestCase((1L << 32) + 1, 7)]
    [TestCase(100L, -1)]
    [TestCase(100L, 3651)]
    public void Validated_WithUnsafeValues_RefusesToStart(long maxEncryptions, int retentionDays)
    {
        var settings = new KmsSettings { MaxEncryptionsPerVersion = maxEncryptions, DeletedKeyRetentionDays = retentionDays };

        Assert.Throws<InvalidOperationException>(() => settings.Validated());
    }
}
