using AutoKms.Application.Common;
using AutoKms.Application.Common.Auditing;
using AutoKms.Application.Common.Behaviours;
using AutoKms.Application.Common.Caching;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Common.Mappings;
using AutoKms.Application.Cryptography;
using AutoKms.Application.Keys;
using AutoKms.Domain.Keys;
using AutoMapper;
using Microsoft.Extensions.Options;
using Moq;

namespace AutoKms.UnitTests.Support;

/// <summary>
/// The ports a handler talks to, mocked, plus the real pure pieces (mapper, clock). Sealing is
/// faked so tests can see exactly which (key id, version) a blob was sealed for.
/// </summary>
public sealed class Fixture
{
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    public Fixture()
    {
        Sealer.Setup(s => s.Seal(It.IsAny<SealingContext>(), It.IsAny<KeyMaterial>()))
            .Returns((SealingContext context, KeyMaterial _) => SealedFor(context.KeyId, context.Version));
        Sealer.Setup(s => s.Unseal(It.IsAny<SealingContext>(), It.IsAny<ReadOnlyMemory<byte>>()))
            .Returns((SealingContext context, ReadOnlyMemory<byte> _) => MaterialFor(context.KeyId, context.Version));
        Crypto.Setup(c => c.GenerateKeyMaterial(It.IsAny<KeyAlgorithm>())).Returns(() => new KeyMaterial(new byte[32]));
        Keys.Setup(r => r.CountAsync(It.IsAny<CancellationToken>())).ReturnsAsync(() => StoredKeyCount);
        AuditTrail.Setup(t => t.RecordAsync(It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        CallerContext.Setup(c => c.Caller).Returns(() => new AutoKms.Application.Common.Security.Caller("test", new HashSet<string> { AutoKms.Application.Common.Security.Scopes.Admin }, CallerGlobs));
        CallerContext.Setup(c => c.RequestId).Returns("-");
    }

    public Mock<IKeyRepository> Keys { get; } = new(MockBehavior.Strict);

    public Mock<IKeyReadService> Reads { get; } = new(MockBehavior.Strict);

    /// <summary>The caller the handlers see; limited to <see cref="CallerGlobs"/> (none: every key).</summary>
    public List<string> CallerGlobs { get; } = [];


    public Mock<ICryptoProvider> Crypto { get; } = new();

    public Mock<IKeyMaterialSealer> Sealer { get; } = new();

    public TimeProvider Clock { get; } = new FixedClock(Now);

    public IMapper Mapper { get; } = CreateMapper();

    public KeyLimits Limits { get; set; } = new();

    /// <summary>How many keys the mocked repository says are stored.</summary>
    public int StoredKeyCount { get; set; }

    /// <summary>The caller's key-name check: allows every key unless a test sets it up otherwise.</summary>
    public Mock<IKeyAccess> Access { get; } = new();

    public KeyProvisioning Provisioning => new(
        Keys.Object,
        Access.Object,
        new KeyMaterialWorker(Crypto.Object, Microsoft.Extensions.Options.Options.Create(Limits)),
        new KeyCreationBudget(Microsoft.Extensions.Options.Options.Create(Limits), CallerContext.Object),
        Microsoft.Extensions.Options.Options.Create(Limits),
        Sealer.Object,
        UnitOfWork.Object,
        NewKeys.Object,
        Clock,
        Notes,
        new KeyCountEstimate(Clock));

    public Mock<IEncryptionCounter> Counter { get; } = new();

    /// <summary>Where created keys are stored (group-committed in the service); stores whatever it is given unless a test says otherwise.</summary>
    public Mock<INewKeyStore> NewKeys { get; } = new();

    /// <summary>What use cases note for their audit record (nothing is kept outside an audited request).</summary>
    public AuditNotes Notes { get; } = new();

    /// <summary>The audit trail: every record written succeeds unless a test says otherwise.</summary>
    public Mock<IAuditTrail> AuditTrail { get; } = new();

    public Mock<ICallerContext> CallerContext { get; } = new();

    public AuditRecorder Audit => new(AuditTrail.Object, CallerContext.Object, Notes, Clock);

    public Mock<IUnitOfWork> UnitOfWork { get; } = new();

    public KmsSettings Settings { get; set; } = new();

    /// <summary><see cref="Settings"/> the way handlers receive them.</summary>
    public IOptions<KmsSettings> SettingsOptions => Options.Create(Settings);

    /// <summary>
    /// The net count recorded for a version: encryptors reserve their upcoming encryptions first and
    /// give back the unused ones, so only the sum of the calls means anything.
    /// </summary>
    public long Recorded(Guid? versionId = null) =>
        Counter.Invocations
            .Where(i => i.Method.Name == nameof(IEncryptionCounter.Record) && (versionId is null || (Guid)i.Arguments[0] == versionId))
            .Sum(i => (long)i.Arguments[1]);

    public KeyMaterialReader Reader => new(Keys.Object, Sealer.Object, Notes);

    /// <summary>The encryption limit's leases, held in memory as the database would hold them.</summary>
    public InMemoryEncryptionLeases Leases { get; } = new();

    public KeyCache KeyCache { get; } = new(Options.Create(new CacheSettings()), TimeProvider.System);

    public KeyCipher Cipher => new(Keys.Object, Sealer.Object, Crypto.Object, Counter.Object, Leases, KeyCache, Provisioning, SettingsOptions, Notes);

    /// <summary>Runs a handler the way the pipeline does for secret input: zeroed when the request ends.</summary>
    public static Task<TResponse> WithSecretZeroing<TRequest, TResponse>(TRequest request, Func<TRequest, Task<TResponse>> handle)
        where TRequest : notnull =>
        new SecretInputBehaviour<TRequest, TResponse>().Handle(request, CancellationToken.None, () => handle(request));

    /// <summary>Matches the sealing context of one key version, whatever its algorithm and usage.</summary>
    public static SealingContext Context(Guid keyId, int version) =>
        It.Is<SealingContext>(c => c.KeyId == keyId && c.Version == version);

    public static IMapper CreateMapper() => new MapperConfiguration(cfg => cfg.AddProfile<KeyMappingProfile>()).CreateMapper();

    /// <summary>What the fake sealer stores for (key, version): recognisable, never real material.</summary>
    public static byte[] SealedFor(Guid keyId, int version) => [.. keyId.ToByteArray(), (byte)version];

    /// <summary>The material the fake sealer hands out for (key, version).</summary>
    public static KeyMaterial MaterialFor(Guid keyId, int version) => new([.. keyId.ToByteArray(), .. keyId.ToByteArray().Reverse(), (byte)version]);

    /// <summary>A stored key with <paramref name="versions"/> versions, the last one primary.</summary>
    public Key GivenKey(KeyAlgorithm algorithm = KeyAlgorithm.Aes256Gcm, int versions = 1, KeyUsage? usage = null, string? name = null)
    {
        var id = Guid.NewGuid();
        var key = Key.Create(id, name ?? $"key-{id:N}", algorithm, usage ?? KeyAlgorithmRules.DefaultUsage(algorithm), Guid.NewGuid(), SealedFor(id, 1), Now.AddDays(-1));
        for (var v = 2; v <= versions; v++)
        {
            key.Rotate(Guid.NewGuid(), SealedFor(id, v), Now.AddHours(-v));
        }

        Keys.Setup(r => r.GetAsync(id, It.IsAny<CancellationToken>())).ReturnsAsync(key);
        Keys.Setup(r => r.GetWithVersionsAsync(id, It.IsAny<IReadOnlyCollection<int>>(), It.IsAny<CancellationToken>())).ReturnsAsync(key);
        Leases.Given(key);
        foreach (var version in key.Versions)
        {
            Keys.Setup(r => r.GetByVersionIdAsync(version.Id, It.IsAny<CancellationToken>())).ReturnsAsync(key);
        }

        return key;
    }

    public void GivenNoKey(Guid id)
    {
        Keys.Setup(r => r.GetAsync(id, It.IsAny<CancellationToken>())).ReturnsAsync((Key?)null);
        Keys.Setup(r => r.GetWithVersionsAsync(id, It.IsAny<IReadOnlyCollection<int>>(), It.IsAny<CancellationToken>())).ReturnsAsync((Key?)null);
    }

    public void GivenSavesSucceed() => Keys.Setup(r => r.SaveAsync(It.IsAny<Key>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
