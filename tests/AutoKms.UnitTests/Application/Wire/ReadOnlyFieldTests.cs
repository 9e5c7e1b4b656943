using AutoKms.Application.Common.Models;
using AutoKms.Application.Keys.Commands.UpdateKey;
using AutoKms.Application.KeyVersions.Commands.UpdateKeyVersion;
using FluentValidation;

namespace AutoKms.UnitTests.Application.Wire;

public sealed class ReadOnlyFieldTests
{
    private static readonly DateTimeOffset Created = new(2026, 1, 15, 9, 30, 0, TimeSpan.Zero);

    private static readonly KeyDto Stored = new()
    {
        Id = Guid.NewGuid(),
        Name = "demo",
        Algorithm = "AES256_GCM",
        Status = "enabled",
        PrimaryVersion = 2,
        Usage = "encrypt_decrypt",
        CreatedAt = Created,
    };

    [Test]
    public void EchoedKeyFields_EqualToTheStoredOnes_Pass()
    {
        var echoed = new EchoedKeyFields(Stored.Id, "AES256_GCM", "encrypt_decrypt", 2, null, Created.ToOffset(TimeSpan.FromHours(2)));

        Assert.DoesNotThrow(() => echoed.EnsureMatches(Stored));
    }

    [Test]
    public void EchoedKeyFields_ThatDiffer_AreRefusedNamingEachField_WithTheItemPrefix()
    {
        var echoed = new EchoedKeyFields(Guid.NewGuid(), "RSA2048", PrimaryVersion: 1);

        var error = Assert.Throws<ValidationException>(() => echoed.EnsureMatches(Stored, "[3]."));

        Assert.That(error!.Errors.Select(e => e.PropertyName), Is.EqualTo(new[] { "[3].id", "[3].algorithm", "[3].primary_version" }));
        Assert.That(error.Errors.First().ErrorMessage, Does.Contain("'id' is read-only"));
    }

    [Test]
    public void EchoedKeyFields_ANextRotationWhereNoneIsStored_IsRefused()
    {
        var echoed = new EchoedKeyFields(NextRotationAt: Created);

        Assert.Throws<ValidationException>(() => echoed.EnsureMatches(Stored));
    }

    [Test]
    public void EchoedKeyVersionFields_ThatDiffer_AreRefused()
    {
        var version = new KeyVersionDto { Id = Guid.NewGuid(), KeyId = Guid.NewGuid(), Version = 1, Status = "enabled", CreatedAt = Created };

        Assert.DoesNotThrow(() => new EchoedKeyVersionFields(version.Id, version.KeyId, 1, Created).EnsureMatches(version));
        var error = Assert.Throws<ValidationException>(() => new EchoedKeyVersionFields(Version: 7).EnsureMatches(version));
        Assert.That(error!.Errors.Single().PropertyName, Is.EqualTo("version"));
    }
}
