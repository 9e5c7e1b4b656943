using AutoKms.Application.Common;
using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Keys;
using AutoKms.Domain.Keys;
using AutoKms.UnitTests.Support;
using Microsoft.Extensions.Options;
using Moq;

namespace AutoKms.UnitTests.Application.Keys;

public sealed class KeyLimitsTests
{
    private readonly Fixture _fixture = new();

    private static NewKey Rsa(string name) => new(name, KeyAlgorithm.Rsa3072, KeyUsage.EncryptDecrypt, null);

    [Test]
    public void Create_MoreAsymmetricKeysThanOneRequestMay_IsRefused_BeforeAnyMaterialIsGenerated()
    {
        _fixture.Limits = new KeyLimits { MaxAsymmetricKeysPerRequest = 2 };

        var error = Assert.ThrowsAsync<InvalidRequestException>(() => _fixture.Provisioning.CreateAsync([Rsa("a"), Rsa("b"), Rsa("c")], CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("at most 2 RSA or EC keys"));
        _fixture.Crypto.Verify(c => c.GenerateKeyMaterial(It.IsAny<KeyAlgorithm>()), Times.Never);
    }

    [Test]
    public void Budget_CountsEveryCreationOfTheRequest_AcrossCalls()
    {
        var budget = new KeyCreationBudget(Options.Create(new KeyLimits { MaxAsymmetricKeysPerRequest = 3 }), _fixture.CallerContext.Object);

        budget.Spend([KeyAlgorithm.Rsa2048, KeyAlgorithm.EcP256]);
        budget.Spend([KeyAlgorithm.Aes256Gcm, KeyAlgorithm.HmacSha256]);

        Assert.Throws<InvalidRequestException>(() => budget.Spend([KeyAlgorithm.Rsa2048, KeyAlgorithm.Rsa2048]));
        Assert.DoesNotThrow(() => budget.Spend([KeyAlgorithm.Rsa2048]));
    }

    [Test]
    public void Create_WithATakenName_IsRefused_BeforeAnyMaterialIsGenerated()
    {
        _fixture.Keys.Setup(r => r.NameExistsAsync("taken", null, It.IsAny<CancellationToken>())).ReturnsAsync(true);

        Assert.ThrowsAsync<ConflictException>(() => _fixture.Provisioning.CreateAsync([Rsa("taken")], CancellationToken.None));

        _fixture.Crypto.Verify(c => c.GenerateKeyMaterial(It.IsAny<KeyAlgorithm>()), Times.Never);
    }

    [Test]
    public void Create_BeyondTheKeyCap_IsRefused()
    {
        _fixture.Limits = new KeyLimits { MaxKeys = 5 };
        _fixture.StoredKeyCount = 5;

        var error = Assert.ThrowsAsync<ConflictException>(() => _fixture.Provisioning.CreateAsync([new NewKey("x", KeyAlgorithm.Aes256Gcm, KeyUsage.EncryptDecrypt, null)], CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("Kms:Limits:MaxKeys"));
    }

    [Test]
    public void Rotate_BeyondTheVersionCap_IsRefused_WithoutGeneratingMaterial()
    {
        _fixture.Limits = new KeyLimits { MaxVersionsPerKey = 2 };
        var key = _fixture.GivenKey(versions: 2);

        var error = Assert.ThrowsAsync<ConflictException>(() => _fixture.Provisioning.RotateAsync(key.Id, _ => true, CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("Kms:Limits:MaxVersionsPerKey"));
        _fixture.Crypto.Verify(c => c.GenerateKeyMaterial(It.IsAny<KeyAlgorithm>()), Times.Never);
    }

    [Test]
    public async Task Worker_RunsAtMostTheConfiguredNumberOfAsymmetricGenerationsAtOnce()
    {
        var running = 0;
        var peak = 0;
        var crypto = new Mock<AutoKms.Application.Common.Interfaces.ICryptoProvider>();
        crypto.Setup(c => c.GenerateKeyMaterial(It.IsAny<KeyAlgorithm>())).Returns(() =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            Thread.Sleep(30);
            Interlocked.Decrement(ref running);
            return new AutoKms.Application.Cryptography.KeyMaterial(new byte[32]);
        });
        using var worker = new KeyMaterialWorker(crypto.Object, Options.Create(new KeyLimits { KeyGenerationConcurrency = 1 }));

        var materials = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => worker.GenerateAsync(KeyAlgorithm.Rsa2048, CancellationToken.None)));

        Assert.That(peak, Is.EqualTo(1));
        Assert.That(materials, Has.Length.EqualTo(6));
        foreach (var material in materials)
        {
            material.Dispose();
        }
    }

    [Test]
    public void Worker_WaitingForATurn_IsCancellable()
    {
        using var gate = new ManualResetEventSlim();
        var crypto = new Mock<AutoKms.Application.Common.Interfaces.ICryptoProvider>();
        crypto.Setup(c => c.GenerateKeyMaterial(It.IsAny<KeyAlgorithm>())).Returns(() =>
        {
            gate.Wait(TimeSpan.FromSeconds(5));
            return new AutoKms.Application.Cryptography.KeyMaterial(new byte[32]);
        });
        using var worker = new KeyMaterialWorker(crypto.Object, Options.Create(new KeyLimits { KeyGenerationConcurrency = 1 }));
        var busy = worker.GenerateAsync(KeyAlgorithm.Rsa2048, CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = worker.GenerateAsync(KeyAlgorithm.Rsa2048, cancel.Token);
        cancel.Cancel();

        Assert.ThrowsAsync<OperationCanceledException>(() => waiting);
        gate.Set();
        Assert.DoesNotThrowAsync(async () => (await busy).Dispose());
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    [Test]
    public void Budget_DoesNotBoundTheServicesOwnWork()
    {
        var service = Mock.Of<AutoKms.Application.Common.Interfaces.ICallerContext>(c => c.Caller == AutoKms.Application.Common.Security.Caller.Service);
        var budget = new KeyCreationBudget(Options.Create(new KeyLimits { MaxAsymmetricKeysPerRequest = 1 }), service);

        Assert.DoesNotThrow(() => budget.Spend([KeyAlgorithm.Rsa2048, KeyAlgorithm.Rsa2048, KeyAlgorithm.EcP256]));
    }

    [Test]
    public void Create_OfANameOutsideTheCallersGlobs_IsRefused_BeforeTheNameIsLookedUpOrMaterialGenerated()
    {
        _fixture.Access.Setup(a => a.EnsureMayUseAsync("hr-payroll", It.IsAny<CancellationToken>())).ThrowsAsync(AccessDeniedException.Key());

        Assert.ThrowsAsync<AccessDeniedException>(() => _fixture.Provisioning.CreateAsync([Rsa("hr-payroll")], CancellationToken.None));

        _fixture.Keys.Verify(r => r.NameExistsAsync(It.IsAny<string>(), It.IsAny<Guid?>(), It.IsAny<CancellationToken>()), Times.Never);
        _fixture.Crypto.Verify(c => c.GenerateKeyMaterial(It.IsAny<KeyAlgorithm>()), Times.Never);
    }
}
