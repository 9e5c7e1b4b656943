using AutoKms.Domain.Keys;
using AutoKms.Domain.Keys.Exceptions;

namespace AutoKms.UnitTests.Domain;

public sealed class KeyPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Key NewKey(int versions = 1, KeyAlgorithm algorithm = KeyAlgorithm.Aes256Gcm, KeyUsage usage = KeyUsage.EncryptDecrypt)
    {
        var key = Key.Create(Guid.NewGuid(), "k", algorithm, usage, Guid.NewGuid(), [1, 2, 3], Now);
        for (var v = 2; v <= versions; v++)
        {
            key.Rotate(Guid.NewGuid(), [9], Now.AddDays(v - 1));
        }

        return key;
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(4)]
    public void ChangeMinDecryptionVersion_OutsideOneToPrimary_ThrowsRuleViolation(int minimum)
    {
        var key = NewKey(versions: 3);

        Assert.Throws<KeyRuleViolationException>(() => key.ChangeMinDecryptionVersion(minimum, Now.AddDays(9)));
        Assert.That(key.MinDecryptionVersion, Is.EqualTo(1));
    }

    [Test]
    public void ChangeMinDecryptionVersion_UpToThePrimary_IsAllowed()
    {
        var key = NewKey(versions: 3);

        key.ChangeMinDecryptionVersion(3, Now.AddDays(9));

        Assert.That(key.MinDecryptionVersion, Is.EqualTo(3));
        Assert.That(key.UpdatedAt, Is.EqualTo(Now.AddDays(9)));
    }

    [Test]
    public void VersionForDecryption_BelowTheMinimum_ThrowsUnavailable()
    {
        var key = NewKey(versions: 3);
        key.ChangeMinDecryptionVersion(2, Now);

        var error = Assert.Throws<KeyVersionUnavailableException>(() => key.VersionForDecryption(KeyUsage.EncryptDecrypt, 1));
        Assert.That(error!.Message, Is.EqualTo("Key version 1 is below the key's min_decryption_version 2"));
    }

    [Test]
    public void VersionForDecryption_AtOrAboveTheMinimum_Succeeds()
    {
        var key = NewKey(versions: 3);

        key.ChangeMinDecryptionVersion(2, Now);

        Assert.That(key.VersionForDecryption(KeyUsage.EncryptDecrypt, 2).Version, Is.EqualTo(2));
        Assert.That(key.VersionForDecryption(KeyUsage.EncryptDecrypt, null).Version, Is.EqualTo(3));
    }

    [Test]
    public void VersionForVerification_IgnoresTheMinimum()
    {
        var key = NewKey(versions: 3, algorithm: KeyAlgorithm.EcP256, usage: KeyUsage.SignVerify);

        key.ChangeMinDecryptionVersion(3, Now);

        Assert.That(key.VersionForVerification(KeyUsage.SignVerify, 1).Version, Is.EqualTo(1));
    }

    [Test]
    public void ChangeRotationPeriod_SchedulesTheNextRotation_ThatManyDaysAfterThePrimaryWasCreated()
    {
        var key = NewKey(versions: 2);

        key.ChangeRotationPeriod(30, Now.AddDays(5));

        Assert.That(key.RotationPeriodDays, Is.EqualTo(30));
        Assert.That(key.NextRotationAt, Is.EqualTo(key.Primary.CreatedAt.AddDays(30)));
        Assert.That(key.NextRotationAt, Is.EqualTo(Now.AddDays(31)));
        Assert.That(key.UpdatedAt, Is.EqualTo(Now.AddDays(5)));
    }

    [Test]
    public void ChangeRotationPeriod_WhenThatMomentHasPassed_SchedulesItForNow()
    {
        var key = NewKey();

        key.ChangeRotationPeriod(2, Now.AddDays(10));

        Assert.That(key.NextRotationAt, Is.EqualTo(Now.AddDays(10)));
    }

    [Test]
    public void Rotate_WithAPeriod_MovesTheNextRotationToNowPlusThePeriod()
    {
        var key = NewKey();
        key.ChangeRotationPeriod(30, Now);

        key.Rotate(Guid.NewGuid(), [9], Now.AddDays(12));

        Assert.That(key.NextRotationAt, Is.EqualTo(Now.AddDays(42)));
    }

    [Test]
    public void Rotate_WithoutAPeriod_LeavesNoNextRotation()
    {
        var key = NewKey();

        key.Rotate(Guid.NewGuid(), [9], Now.AddDays(12));

        Assert.That(key.NextRotationAt, Is.Null);
    }

    [Test]
    public void ChangeRotationPeriod_WithNull_ClearsThePeriodAndTheSchedule()
    {
        var key = NewKey();
        key.ChangeRotationPeriod(30, Now);

        key.ChangeRotationPeriod(null, Now.AddDays(1));

        Assert.That(key.RotationPeriodDays, Is.Null);
        Assert.That(key.NextRotationAt, Is.Null);
        Assert.That(key.IsRotationDue(Now.AddYears(5)), Is.False);
    }

    [TestCase(0)]
    [TestCase(-5)]
    [TestCase(3651)]
    public void ChangeRotationPeriod_OutsideOneToTenYears_ThrowsRuleViolation(int days)
    {
        var key = NewKey();

        Assert.Throws<KeyRuleViolationException>(() => key.ChangeRotationPeriod(days, Now));
        Assert.That(key.RotationPeriodDays, Is.Null);
    }

    [TestCase(1)]
    [TestCase(3650)]
    public void ChangeRotationPeriod_AtTheBounds_IsAllowed(int days)
    {
        var key = NewKey();

        key.ChangeRotationPeriod(days, Now);

        Assert.That(key.RotationPeriodDays, Is.EqualTo(days));
    }

    [TestCase(-1, false)]
    [TestCase(0, true)]
    [TestCase(1, true)]
    public void IsRotationDue_FromTheScheduledMomentOn(int secondsAfterDue, bool due)
    {
        var key = NewKey();
        key.ChangeRotationPeriod(10, Now);

        Assert.That(key.IsRotationDue(Now.AddDays(10).AddSeconds(secondsAfterDue)), Is.EqualTo(due));
    }

    [Test]
    public void IsRotationDue_ForADeletedKey_IsFalse()
    {
        var key = NewKey();
        key.ChangeRotationPeriod(10, Now);

        key.Delete(Now.AddDays(1));

        Assert.That(key.IsRotationDue(Now.AddDays(20)), Is.False);
    }

    [Test]
    public void IsRotationDue_WithoutAPeriod_IsFalse()
    {
        Assert.That(NewKey().IsRotationDue(Now.AddYears(20)), Is.False);
    }

    [Test]
    public void Delete_Twice_ThrowsRuleViolation_AndKeepsTheFirstDeletionTime()
    {
        var key = NewKey();
        key.Delete(Now.AddDays(1));

        Assert.Throws<KeyRuleViolationException>(() => key.Delete(Now.AddDays(2)));
        Assert.That(key.DeletedAt, Is.EqualTo(Now.AddDays(1)));
    }

    [Test]
    public void Recover_OfALiveKey_ThrowsRuleViolation()
    {
        var key = NewKey();

        Assert.Throws<KeyRuleViolationException>(() => key.Recover(Now.AddDays(1), TimeSpan.FromDays(7)));
        Assert.That(key.UpdatedAt, Is.EqualTo(Now));
    }

    [Test]
    public void Recover_OfADeletedKeyWithinItsWindow_ClearsTheDeletion()
    {
        var key = NewKey();
        key.Delete(Now.AddDays(1));

        key.Recover(Now.AddDays(2), TimeSpan.FromDays(7));

        Assert.That(key.DeletedAt, Is.Null);
        Assert.That(key.UpdatedAt, Is.EqualTo(Now.AddDays(2)));
    }

    [TestCase(7)]
    [TestCase(8)]
    public void Recover_WhenTheWindowHasPassed_ThrowsRetentionOver_AndKeepsTheKeyDeleted(int daysLater)
    {
        var key = NewKey();
        key.Delete(Now);

        var error = Assert.Throws<KeyRetentionOverException>(() => key.Recover(Now.AddDays(daysLater), TimeSpan.FromDays(7)));

        Assert.That(error!.Kind, Is.EqualTo(AutoKms.Domain.Common.DomainErrorKind.NotFound));
        Assert.That(key.DeletedAt, Is.EqualTo(Now));
        Assert.That(key.UpdatedAt, Is.EqualTo(Now));
    }

    [Test]
    public void Recover_WithAZeroWindow_IsAlwaysTooLate()
    {
        var key = NewKey();
        key.Delete(Now);

        Assert.Throws<KeyRetentionOverException>(() => key.Recover(Now, TimeSpan.Zero));
    }

    [Test]
    public void PurgeAt_OfADeletedKey_IsItsDeletionPlusTheWindow()
    {
        var key = NewKey();
        key.Delete(Now.AddHours(5));

        Assert.That(key.PurgeAt(TimeSpan.FromDays(3)), Is.EqualTo(Now.AddHours(5).AddDays(3)));
        Assert.That(Key.PurgeAtFor(Now.AddHours(5), TimeSpan.FromDays(3)), Is.EqualTo(key.PurgeAt(TimeSpan.FromDays(3))));
    }

    [Test]
    public void PurgeAt_AndIsPurgeable_OfALiveKey_ThrowRuleViolation()
    {
        var key = NewKey();

        Assert.Throws<KeyRuleViolationException>(() => key.PurgeAt(TimeSpan.FromDays(7)));
        Assert.Throws<KeyRuleViolationException>(() => key.IsPurgeable(Now, TimeSpan.FromDays(7)));
    }

    [TestCase(-1, false)]
    [TestCase(0, true)]
    [TestCase(1, true)]
    public void IsPurgeable_FromTheMomentTheWindowEnds_IsTrue(int secondsAfterTheEnd, bool purgeable)
    {
        var key = NewKey();
        key.Delete(Now);
        var now = Now.AddDays(7).AddSeconds(secondsAfterTheEnd);

        Assert.That(key.IsPurgeable(now, TimeSpan.FromDays(7)), Is.EqualTo(purgeable));
        Assert.That(key.DeletedAt <= Key.PurgeCutoff(now, TimeSpan.FromDays(7)), Is.EqualTo(purgeable), "the cutoff storage filters by says the same");
    }

    [Test]
    public void RetentionRules_WithANegativeWindow_ThrowArgumentOutOfRange()
    {
        var key = NewKey();
        key.Delete(Now);

        Assert.Throws<ArgumentOutOfRangeException>(() => key.PurgeAt(TimeSpan.FromDays(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Key.PurgeCutoff(Now, TimeSpan.FromDays(-1)));
    }

    [Test]
    public void A_key_loaded_with_some_of_its_versions_cannot_be_rotated_for_it_cannot_number_the_next()
    {
        var whole = KeyWithPersistedEncryptions(0, KeyAlgorithm.Aes256Gcm, KeyUsage.EncryptDecrypt);
        whole.Rotate(Guid.NewGuid(), [2], Now.AddDays(1));
        var partial = Key.Rehydrate(whole.Id, whole.Name, whole.Algorithm, whole.Usage, whole.Status, whole.PrimaryVersion, whole.CreatedAt, whole.UpdatedAt, null, 1, null, null, [whole.Primary], allVersions: false);

        Assert.That(partial.HasAllVersions, Is.False);
        Assert.Throws<InvalidOperationException>(() => _ = partial.NextVersionNumber);
        Assert.Throws<InvalidOperationException>(() => partial.Rotate(Guid.NewGuid(), [3], Now.AddDays(2)));
    }

    [Test]
    public void WithVersions_adds_versions_to_a_partly_loaded_key_and_leaves_the_original_as_it_was()
    {
        var whole = KeyWithPersistedEncryptions(0, KeyAlgorithm.Aes256Gcm, KeyUsage.EncryptDecrypt);
        whole.Rotate(Guid.NewGuid(), [2], Now.AddDays(1));
        var partial = Key.Rehydrate(whole.Id, whole.Name, whole.Algorithm, whole.Usage, whole.Status, whole.PrimaryVersion, whole.CreatedAt, whole.UpdatedAt, null, 1, null, null, [whole.Primary], allVersions: false);

        var more = partial.WithVersions([whole.FindVersion(1), whole.FindVersion(2)]);

        Assert.That(more.Versions.Select(v => v.Version), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(more.HasAllVersions, Is.False);
        Assert.That(partial.Versions.Select(v => v.Version), Is.EqualTo(new[] { 2 }));
        Assert.Throws<KeyVersionNotFoundException>(() => partial.FindVersion(1));
    }

    private static Key KeyWithPersistedEncryptions(long encryptions, KeyAlgorithm algorithm, KeyUsage usage)
    {
        var id = Guid.NewGuid();
        var version = KeyVersion.Rehydrate(Guid.NewGuid(), id, 1, KeyVersionStatus.Enabled, [1], encryptions, Now, Now);
        return Key.Rehydrate(id, "k", algorithm, usage, KeyStatus.Enabled, 1, Now, Now, null, 1, null, null, [version]);
    }
}
