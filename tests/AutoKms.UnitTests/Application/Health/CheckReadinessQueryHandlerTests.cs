using System.Security.Cryptography;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Cryptography;
using AutoKms.Application.Health.Queries.CheckReadiness;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace AutoKms.UnitTests.Application.Health;

public sealed class CheckReadinessQueryHandlerTests
{
    [Test]
    public async Task Handle_WhenTheRootKeyCannotUnseal_ReportsRootKeyUnavailable()
    {
        var probe = new Mock<IHealthProbe>();
        var sealer = new Mock<IKeyMaterialSealer>();
        sealer.Setup(s => s.Seal(It.IsAny<SealingContext>(), It.IsAny<KeyMaterial>())).Returns([1, 2, 3]);
        sealer.Setup(s => s.Unseal(It.IsAny<SealingContext>(), It.IsAny<ReadOnlyMemory<byte>>())).Throws(new CryptographicException("the token is gone"));

        var report = await new CheckReadinessQueryHandler(probe.Object, sealer.Object, NullLogger<CheckReadinessQueryHandler>.Instance).Handle(new CheckReadinessQuery(), CancellationToken.None);

        Assert.That(report.Ok, Is.False);
        Assert.That(report.Error, Is.EqualTo("root key unavailable"));
    }

    [Test]
    public async Task Handle_WhenBothAnswer_IsReady()
    {
        var probe = new Mock<IHealthProbe>();
        var sealer = new Mock<IKeyMaterialSealer>();
        sealer.Setup(s => s.Seal(It.IsAny<SealingContext>(), It.IsAny<KeyMaterial>())).Returns([1, 2, 3]);
        sealer.Setup(s => s.Unseal(It.IsAny<SealingContext>(), It.IsAny<ReadOnlyMemory<byte>>())).Returns(() => new KeyMaterial(new byte[32]));

        var report = await new CheckReadinessQueryHandler(probe.Object, sealer.Object, NullLogger<CheckReadinessQueryHandler>.Instance).Handle(new CheckReadinessQuery(), CancellationToken.None);

        Assert.That(report.Ok, Is.True);
        probe.Verify(p => p.CheckAsync(It.IsAny<CancellationToken>()), Times.Once);
    }
}
