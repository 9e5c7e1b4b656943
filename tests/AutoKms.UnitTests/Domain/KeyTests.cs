using AutoKms.Domain.Keys;
using AutoKms.Domain.Keys.Exceptions;

namespace AutoKms.UnitTests.Domain;

public sealed class KeyTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Key NewKey(KeyAlgorithm algorithm = KeyAlgorithm.Aes256Gcm, KeyUsage usage = KeyUsage.EncryptDecrypt) =>
        Key.Create(Guid.NewGuid(), "k", algorithm, usage, Guid.NewGuid(), [1, 2, 3], Now);

    [Test]
    public void Create_StartsEnabled_WithVersionOneAsPrimary()
    {
        var key = NewKey();

        Assert.That(key.Status, Is.EqualTo(KeyStatus.Enabled));
        Assert.That(key.PrimaryVersion, Is.EqualTo(1));
        Assert.That(key.Versions.Select(v => v.Version), Is.EqualTo(new[] { 1 }));
        Assert.That(key.Primary.Status, Is.EqualTo(KeyVersionStatus.Enabled));
    }

    [TestCase(KeyAlgorithm.Aes256Gcm, KeyUsage.SignVerify)]
    [TestCase(KeyAlgorithm.ChaCha20Poly1305, KeyUsage.Mac)]
    [TestCase(KeyAlgorithm.EcP256, KeyUsage.EncryptDecrypt)]
    [TestCase(KeyAlgorithm.HmacSha256, KeyUsage.EncryptDecrypt)]
    public void Create_WithUsageTheAlgorithmCannotServe_ThrowsUnsupported(KeyAlgorithm algorithm, KeyUsage usage)
    {
        Assert.Throws<UnsupportedKeyOperationException>(() => NewKey(algorithm, usage));
    }

    [Test]
    public void Create_WithEmptyId_Throws()
    {
        Assert.Throws<ArgumentException>(() => Key.Create(Guid.Empty, "k", KeyAlgorithm.Aes256Gcm, KeyUsage.EncryptDecrypt, Guid.NewGuid(), [1], Now));
    }

    [Test]
    public void Create_WithNameOver120Characters_Throws()
    {
        Assert.Throws<ArgumentException>(() => Key.Create(Guid.NewGuid(), new string('a', 121), KeyAlgorithm.Aes256Gcm, KeyUsage.EncryptDecrypt, Guid.NewGuid(), [1], Now));
    }

    [Test]
    public void Rotate_AddsTheNextVersion_AndMakesItPrimary()
    {
        var key = NewKey();

        var version = key.Rotate(Guid.NewGuid(), [9], Now.AddDays(1));

        Assert.That(version.Version, Is.EqualTo(2));
        Assert.That(key.PrimaryVersion, Is.EqualTo(2));
        Assert.That(key.NextVersionNumber, Is.EqualTo(3));
        Assert.That(key.UpdatedAt, Is.EqualTo(Now.AddDays(1)));
    }

    [Test]
    public void VersionForEncryption_IsThePrimary()
    {
        var key = NewKey();
        key.Rotate(Guid.NewGuid(), [9], Now);

        Assert.That(key.VersionForEncryption(KeyUsage.EncryptDecrypt).Version, Is.EqualTo(2));
    }

    [Test]
    public void VersionForEncryption_WhenKeyDisabled_ThrowsKeyDisabled()
    {
        var key = NewKey();
        key.Disable(Now);

        var error = Assert.Throws<KeyDisabledException>(() => key.VersionForEncryption(KeyUsage.EncryptDecrypt));
        Assert.That(error!.Message, Is.EqualTo("Key is disabled"));
    }

    [Test]
    public void VersionForEncryption_ForAnotherUsage_ThrowsUnsupported()
    {
        var key = NewKey(KeyAlgorithm.Rsa2048, KeyUsage.SignVerify);

        Assert.Throws<UnsupportedKeyOperationException>(() => key.VersionForEncryption(KeyUsage.EncryptDecrypt));
    }

    [Test]
    public void VersionForDecryption_WithoutVersion_IsThePrimary_WithVersion_IsThatVersion()
    {
        var key = NewKey();
        key.Rotate(Guid.NewGuid(), [9], Now);

        Assert.That(key.VersionForDecryption(KeyUsage.EncryptDecrypt, null).Version, Is.EqualTo(2));
        Assert.That(key.VersionForDecryption(KeyUsage.EncryptDecrypt, 1).Version, Is.EqualTo(1));
    }

    [Test]
    public void VersionForDecryption_OfUnknownVersion_ThrowsNotFound()
    {
        Assert.Throws<KeyVersionNotFoundException>(() => NewKey().VersionForDecryption(KeyUsage.EncryptDecrypt, 7));
    }

    [TestCase(KeyVersionStatus.Disabled, "Key version is disabled")]
    [TestCase(KeyVersionStatus.Destroyed, "Key version is destroyed")]
    public void VersionForDecryption_OfUnavailableVersion_ThrowsUnavailable(KeyVersionStatus status, string message)
    {
        var key = NewKey();
        key.Rotate(Guid.NewGuid(), [9], Now);
        ChangeVersionStatus(key, 1, status);

        var error = Assert.Throws<KeyVersionUnavailableException>(() => key.VersionForDecryption(KeyUsage.EncryptDecrypt, 1));
        Assert.That(error!.Message, Is.EqualTo(message));
    }

    [TestCase(KeyVersionStatus.Disabled)]
    [TestCase(KeyVersionStatus.Destroyed)]
    public void DisableOrDestroyVersion_OfThePrimary_ThrowsRuleViolation(KeyVersionStatus status)
    {
        var key = NewKey();

        Assert.Throws<KeyRuleViolationException>(() => ChangeVersionStatus(key, 1, status));
        Assert.That(key.Primary.Status, Is.EqualTo(KeyVersionStatus.Enabled));
    }

    [Test]
    public void DestroyVersion_ErasesMaterial_AndCannotBeUndone()
    {
        var key = NewKey();
        key.Rotate(Guid.NewGuid(), [9], Now);

        var destroyed = key.DestroyVersion(1, Now);

        Assert.That(destroyed.HasMaterial, Is.False);
        Assert.Throws<KeyVersionUnavailableException>(() => _ = destroyed.SealedMaterial);
        Assert.Throws<KeyRuleViolationException>(() => key.EnableVersion(1, Now));
    }

    [Test]
    public void DisableVersion_ThenEnableVersion_RestoresUse()
    {
        var key = NewKey();
        key.Rotate(Guid.NewGuid(), [9], Now);

        key.DisableVersion(1, Now);
        key.EnableVersion(1, Now);

        Assert.That(key.VersionForDecryption(KeyUsage.EncryptDecrypt, 1).Version, Is.EqualTo(1));
    }

    [Test]
    public void Delete_RecordsWhen()
    {
        var key = NewKey();

        key.Delete(Now.AddDays(2));

        Assert.That(key.DeletedAt, Is.EqualTo(Now.AddDays(2)));
    }

    [Test]
    public void ToString_NeverShowsSealedMaterial()
    {
        var key = Key.Create(Guid.NewGuid(), "k", KeyAlgorithm.Aes256Gcm, KeyUsage.EncryptDecrypt, Guid.NewGuid(), [0xAB, 0xCD], Now);

        var text = key.ToString() + key.Primary;

        Assert.That(text, Does.Not.Contain("q80").And.Not.Contain("171, 205").And.Not.Contain("AB-CD").And.Not.Contain("Byte"));
    }

    [Test]
    public void DisableThenEnable_StopsAndRestoresEveryOperation()
    {
        var key = NewKey();

        key.Disable(Now);
        Assert.Throws<KeyDisabledException>(() => key.VersionForEncryption(KeyUsage.EncryptDecrypt));
        key.Enable(Now);

        Assert.That(key.VersionForEncryption(KeyUsage.EncryptDecrypt).Version, Is.EqualTo(1));
    }

    [Test]
    public void VersionById_FindsTheVersion_OrThrowsNotFound()
    {
        var key = NewKey();

        Assert.That(key.VersionById(key.Primary.Id), Is.SameAs(key.Primary));
        Assert.Throws<KeyVersionNotFoundException>(() => key.VersionById(Guid.NewGuid()));
    }

    [Test]
    public void DestroyVersion_OfAnOldVersion_ErasesIt_ButNeverThePrimary()
    {
        var key = NewKey();
        key.Rotate(Guid.NewGuid(), [4, 5, 6], Now);

        key.DestroyVersion(1, Now);

        Assert.That(key.FindVersion(1).HasMaterial, Is.False);
        Assert.Throws<KeyRuleViolationException>(() => key.DestroyVersion(2, Now));
        Assert.Throws<KeyRuleViolationException>(() => key.DisableVersion(2, Now));
    }

    private static KeyVersion ChangeVersionStatus(Key key, int version, KeyVersionStatus status) => status switch
    {
        KeyVersionStatus.Disabled => key.DisableVersion(version, Now),
        KeyVersionStatus.Destroyed => key.DestroyVersion(version, Now),
        _ => key.EnableVersion(version, Now),
    };
}
