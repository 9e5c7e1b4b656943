using System.Security.Cryptography;
using AutoKms.Application.Cryptography;
using AutoKms.Domain.Keys;
using AutoKms.Infrastructure;
using AutoKms.Infrastructure.Crypto;
using AutoKms.Infrastructure.Persistence;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AutoKms.UnitTests.Infrastructure;

public sealed class AesGcmKeyMaterialSealerTests
{
    private static SealingContext Context(Guid keyId, int version) => new(keyId, version, KeyAlgorithm.Aes256Gcm, KeyUsage.EncryptDecrypt);

    [Test]
    public void SealThenUnseal_ForTheSameKeyAndVersion_ReturnsTheMaterial_AndTheBlobHidesIt()
    {
        using var root = new RootKey(RandomNumberGenerator.GetBytes(32));
        var sealer = new AesGcmKeyMaterialSealer(root);
        var keyId = Guid.NewGuid();
        var secret = RandomNumberGenerator.GetBytes(32);

        var blob = sealer.Seal(Context(keyId, 3), new KeyMaterial(secret.ToArray()));
        using var opened = sealer.Unseal(Context(keyId, 3), blob);

        Assert.That(opened.Span.ToArray(), Is.EqualTo(secret));
        Assert.That(blob.AsSpan().IndexOf(secret), Is.EqualTo(-1));
        Assert.That(blob, Has.Length.EqualTo(1 + 12 + 32 + 16));
    }

    [Test]
    public void Unseal_ForAnotherKeyVersionAlgorithmOrUsage_OrUnderAnotherRootKey_Fails()
    {
        using var root = new RootKey(RandomNumberGenerator.GetBytes(32));
        using var otherRoot = new RootKey(RandomNumberGenerator.GetBytes(32));
        var keyId = Guid.NewGuid();
        var blob = new AesGcmKeyMaterialSealer(root).Seal(Context(keyId, 1), new KeyMaterial(new byte[32]));

        Assert.Throws<AuthenticationTagMismatchException>(() => new AesGcmKeyMaterialSealer(root).Unseal(Context(Guid.NewGuid(), 1), blob));
        Assert.Throws<AuthenticationTagMismatchException>(() => new AesGcmKeyMaterialSealer(root).Unseal(Context(keyId, 2), blob));
        Assert.Throws<AuthenticationTagMismatchException>(() => new AesGcmKeyMaterialSealer(otherRoot).Unseal(Context(keyId, 1), blob));
        Assert.Throws<AuthenticationTagMismatchException>(() => new AesGcmKeyMaterialSealer(root).Unseal(Context(keyId, 1) with { Algorithm = KeyAlgorithm.ChaCha20Poly1305 }, blob));
        Assert.Throws<AuthenticationTagMismatchException>(() => new AesGcmKeyMaterialSealer(root).Unseal(Context(keyId, 1) with { Usage = KeyUsage.Mac }, blob));
    }

    [Test]
    public void RootKey_OfWrongLength_IsRefused_AndToStringHidesIt()
    {
        Assert.Throws<InvalidOperationException>(() => _ = new RootKey(new byte[16]));
        using var root = new RootKey(Enumerable.Repeat((byte)0x41, 32).ToArray()) { Source = "test" };
        Assert.That(root.ToString(), Does.Contain("redacted").And.Not.Contain("QUFB"));
    }
}

public sealed class RootKeyLoaderTests
{
    [Test]
    public void Load_WithNothingConfigured_GeneratesAnOwnerOnlyFileBesideTheDatabase_AndReusesIt()
    {
        var directory = Directory.CreateTempSubdirectory("autokms-unit").FullName;
        var database = new SqliteDatabase($"Data Source={Path.Combine(directory, "kms.db")}");
        var loader = new RootKeyLoader(Options.Create(new KmsOptions()), database, NullLogger<RootKeyLoader>.Instance);

        using var first = loader.Load();
        using var second = loader.Load();
        var file = Path.Combine(directory, RootKeyLoader.DefaultFileName);

        Assert.That(File.Exists(file), Is.True);
        Assert.That(File.GetUnixFileMode(file), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        Assert.That(second.Span.ToArray(), Is.EqualTo(first.Span.ToArray()));
    }

    [Test]
    public void Load_WithBase64RootKey_UsesIt_AndRefusesBadValues()
    {
        var bytes = RandomNumberGenerator.GetBytes(32);
        var database = new SqliteDatabase("Data Source=:memory:");

        using var loaded = new RootKeyLoader(Options.Create(new KmsOptions { RootKey = Convert.ToBase64String(bytes) }), database, NullLogger<RootKeyLoader>.Instance).Load();

        Assert.That(loaded.Span.ToArray(), Is.EqualTo(bytes));
        Assert.Throws<InvalidOperationException>(() => new RootKeyLoader(Options.Create(new KmsOptions { RootKey = "not base64!" }), database, NullLogger<RootKeyLoader>.Instance).Load());
        Assert.Throws<InvalidOperationException>(() => new RootKeyLoader(Options.Create(new KmsOptions { RootKey = Convert.ToBase64String(new byte[8]) }), database, NullLogger<RootKeyLoader>.Instance).Load());
    }

    [Test]
    public void Load_WithRootKeyFile_ReadsRawOrBase64()
    {
        var directory = Directory.CreateTempSubdirectory("autokms-unit").FullName;
        var bytes = RandomNumberGenerator.GetBytes(32);
        var raw = Path.Combine(directory, "raw.key");
        var text = Path.Combine(directory, "text.key");
        File.WriteAllBytes(raw, bytes);
        File.WriteAllText(text, Convert.ToBase64String(bytes) + "\n");
        var database = new SqliteDatabase("Data Source=:memory:");

        using var fromRaw = new RootKeyLoader(Options.Create(new KmsOptions { RootKeyFile = raw }), database, NullLogger<RootKeyLoader>.Instance).Load();
        using var fromText = new RootKeyLoader(Options.Create(new KmsOptions { RootKeyFile = text }), database, NullLogger<RootKeyLoader>.Instance).Load();

        Assert.That(fromRaw.Span.ToArray(), Is.EqualTo(bytes));
        Assert.That(fromText.Span.ToArray(), Is.EqualTo(bytes));
        Assert.Throws<InvalidOperationException>(() => new RootKeyLoader(Options.Create(new KmsOptions { RootKeyFile = Path.Combine(directory, "missing") }), database, NullLogger<RootKeyLoader>.Instance).Load());
    }
}
