using System.Security.Cryptography;
using AutoKms.Application.Cryptography;
using AutoKms.Domain.Keys;
using AutoKms.Infrastructure;
using AutoKms.Infrastructure.Crypto;
using AutoKms.Infrastructure.Crypto.Pkcs11;
using AutoKms.Infrastructure.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
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
    private static readonly IHostEnvironment Development = Mock.Of<IHostEnvironment>(e => e.EnvironmentName == Environments.Development);
    private static readonly IHostEnvironment Production = Mock.Of<IHostEnvironment>(e => e.EnvironmentName == Environments.Production);

    private static RootKeyLoader Loader(KmsOptions options, SqliteDatabase database, IHostEnvironment? environment = null) =>
        new(Options.Create(options), database, environment ?? Production, new Pkcs11Tokens(Options.Create(options)), NullLogger<RootKeyLoader>.Instance);

    private static string NewDirectory() => Directory.CreateTempSubdirectory("autokms-unit").FullName;

    private static string WriteKeyFile(string directory, string text, UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite)
    {
        var path = Path.Combine(directory, $"{Guid.NewGuid():N}.key");
        File.WriteAllText(path, text);
        File.SetUnixFileMode(path, mode);
        return path;
    }

    [Test]
    public void Load_WithNothingConfigured_InDevelopment_GeneratesAnOwnerOnlyBase64FileBesideTheDatabase_AndReusesIt()
    {
        var directory = NewDirectory();
        var database = new SqliteDatabase($"Data Source={Path.Combine(directory, "kms.db")}");
        var loader = Loader(new KmsOptions(), database, Development);

        using var first = (RootKey)loader.Load();
        using var second = (RootKey)loader.Load();
        var file = Path.Combine(directory, RootKeyLoader.DefaultFileName);

        Assert.That(File.GetUnixFileMode(file), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        Assert.That(File.ReadAllText(file), Is.EqualTo(Convert.ToBase64String(first.Span) + "\n"), "one line of base64");
        Assert.That(second.Span.ToArray(), Is.EqualTo(first.Span.ToArray()));
    }

    [Test]
    public void Load_WithNothingConfigured_OutsideDevelopment_RefusesToGenerate_UnlessAllowed()
    {
        var directory = NewDirectory();
        var database = new SqliteDatabase($"Data Source={Path.Combine(directory, "kms.db")}");
        var file = Path.Combine(directory, RootKeyLoader.DefaultFileName);

        var refused = Assert.Throws<InvalidOperationException>(() => Loader(new KmsOptions(), database).Load());
        Assert.That(refused!.Message, Does.Contain("Kms:AllowRootKeyGeneration=true"));
        Assert.That(File.Exists(file), Is.False);

        using var generated = Loader(new KmsOptions { AllowRootKeyGeneration = true }, database).Load();
        Assert.That(File.Exists(file), Is.True);
    }

    [Test]
    public void Load_WithBase64RootKey_UsesIt_AndRefusesBadValues()
    {
        var bytes = RandomNumberGenerator.GetBytes(32);
        var database = new SqliteDatabase("Data Source=:memory:");

        using var loaded = (RootKey)Loader(new KmsOptions { RootKey = Convert.ToBase64String(bytes) }, database).Load();

        Assert.That(loaded.Span.ToArray(), Is.EqualTo(bytes));
        Assert.Throws<InvalidOperationException>(() => Loader(new KmsOptions { RootKey = "not base64!" }, database).Load());
        Assert.Throws<InvalidOperationException>(() => Loader(new KmsOptions { RootKey = Convert.ToBase64String(new byte[8]) }, database).Load());
    }

    [Test]
    public void Load_WithRootKeyFile_ReadsOneLineOfBase64OrHex_OwnerReadOnlyIncluded()
    {
        var directory = NewDirectory();
        var bytes = RandomNumberGenerator.GetBytes(32);
        var database = new SqliteDatabase("Data Source=:memory:");

        using var fromBase64 = (RootKey)Loader(new KmsOptions { RootKeyFile = WriteKeyFile(directory, Convert.ToBase64String(bytes) + "\n") }, database).Load();
        using var fromHex = (RootKey)Loader(new KmsOptions { RootKeyFile = WriteKeyFile(directory, Convert.ToHexString(bytes) + "\r\n") }, database).Load();
        using var fromLowerHexReadOnly = (RootKey)Loader(new KmsOptions { RootKeyFile = WriteKeyFile(directory, Convert.ToHexStringLower(bytes), UnixFileMode.UserRead) }, database).Load();

        Assert.That(fromBase64.Span.ToArray(), Is.EqualTo(bytes));
        Assert.That(fromHex.Span.ToArray(), Is.EqualTo(bytes));
        Assert.That(fromLowerHexReadOnly.Span.ToArray(), Is.EqualTo(bytes));
    }

    [TestCase(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead)]
    [TestCase(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead)]
    [TestCase(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead)]
    public void Load_WithRootKeyFileReadableByGroupOrOthers_RefusesIt_SayingChmod600(UnixFileMode mode)
    {
        var path = WriteKeyFile(NewDirectory(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), mode);

        var refused = Assert.Throws<InvalidOperationException>(() => Loader(new KmsOptions { RootKeyFile = path }, new SqliteDatabase("Data Source=:memory:")).Load());

        Assert.That(refused!.Message, Does.Contain("readable by group or others").And.Contain($"chmod 600 {path}"));
    }

    [Test]
    public void Load_WithRootKeyFileThatIsNotOneLineOf32Bytes_RefusesIt_NamingTheFormat()
    {
        var directory = NewDirectory();
        var database = new SqliteDatabase("Data Source=:memory:");
        var bytes = RandomNumberGenerator.GetBytes(32);
        var raw = Path.Combine(directory, "raw.key");
        File.WriteAllBytes(raw, bytes);
        File.SetUnixFileMode(raw, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        string[] badTexts =
        [
            Convert.ToBase64String(new byte[16]),
            Convert.ToHexString(new byte[31]),
            Convert.ToBase64String(bytes) + "\n" + Convert.ToBase64String(bytes),
            string.Empty,
        ];

        var rawRefused = Assert.Throws<InvalidOperationException>(() => Loader(new KmsOptions { RootKeyFile = raw }, database).Load());
        Assert.That(rawRefused!.Message, Does.Contain("32 raw bytes").And.Contain("base64 -w0"));
        foreach (var text in badTexts)
        {
            var refused = Assert.Throws<InvalidOperationException>(() => Loader(new KmsOptions { RootKeyFile = WriteKeyFile(directory, text) }, database).Load());
            Assert.That(refused!.Message, Does.Contain("base64 (44 characters) or hex (64 characters)"));
        }

        Assert.Throws<InvalidOperationException>(() => Loader(new KmsOptions { RootKeyFile = Path.Combine(directory, "missing") }, database).Load());
    }
}

public sealed class RootKeyRingTests
{
    private static readonly SealingContext Context = new(Guid.NewGuid(), 1, KeyAlgorithm.Aes256Gcm, KeyUsage.EncryptDecrypt);

    [Test]
    public void DuringARotation_TheNewKeySeals_BothUnseal_AndAfterTheGraceOnlyTheNewOne()
    {
        var clock = new SettableClock();
        var oldRoot = new RootKey(RandomNumberGenerator.GetBytes(32));
        var newRoot = new RootKey(RandomNumberGenerator.GetBytes(32));
        using var ring = new RootKeyRing(oldRoot, clock);
        var sealer = new AesGcmKeyMaterialSealer(ring);
        var underOld = sealer.Seal(Context, new KeyMaterial(new byte[32]));

        ring.BeginRotation(newRoot);
        var underNew = sealer.Seal(Context, new KeyMaterial(new byte[32]));

        Assert.That(ring.IsRotating, Is.True);
        Assert.DoesNotThrow(() => sealer.Unseal(Context, underOld).Dispose());
        Assert.DoesNotThrow(() => AesGcmKeyMaterialSealer.UnsealWith(newRoot, Context, underNew).Dispose());
        Assert.Throws<InvalidOperationException>(() => ring.BeginRotation(new RootKey(RandomNumberGenerator.GetBytes(32))), "one rotation at a time");

        ring.CompleteRotation();
        clock.Now += RootKeyRing.RetiredKeyGrace - TimeSpan.FromSeconds(1);
        Assert.DoesNotThrow(() => sealer.Unseal(Context, underOld).Dispose(), "a request that read the blob before it was re-sealed still opens it");

        clock.Now += TimeSpan.FromSeconds(1);
        Assert.Throws<AuthenticationTagMismatchException>(() => sealer.Unseal(Context, underOld));
        Assert.That(oldRoot.Span.ToArray(), Is.All.Zero, "the retired key is zeroed");
        Assert.DoesNotThrow(() => sealer.Unseal(Context, underNew).Dispose());
    }

    private sealed class SettableClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
