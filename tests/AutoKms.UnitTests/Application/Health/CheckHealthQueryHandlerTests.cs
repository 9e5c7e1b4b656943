using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Health.Queries.CheckHealth;
using Microsoft.Data.Sqlite;
using Moq;

namespace AutoKms.UnitTests.Application.Health;

public sealed class CheckHealthQueryHandlerTests
{
    [Test]
    public async Task Handle_WhenTheProbeSucceeds_ReportsOk()
    {
        var probe = new Mock<IHealthProbe>();
        probe.Setup(p => p.CheckAsync(It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        var report = await new CheckHealthQueryHandler(probe.Object, Microsoft.Extensions.Logging.Abstractions.NullLogger<CheckHealthQueryHandler>.Instance).Handle(new CheckHealthQuery(), CancellationToken.None);

        Assert.That(report, Is.EqualTo(new HealthReport(true)));
    }

    [Test]
    public async Task Handle_WhenTheDatabaseFails_ReportsUnavailableWithoutTheExceptionText()
    {
        var probe = new Mock<IHealthProbe>();
        probe.Setup(p => p.CheckAsync(It.IsAny<CancellationToken>())).ThrowsAsync(new SqliteException("unable to open database file", 14));

        var report = await new CheckHealthQueryHandler(probe.Object, Microsoft.Extensions.Logging.Abstractions.NullLogger<CheckHealthQueryHandler>.Instance).Handle(new CheckHealthQuery(), CancellationToken.None);

        Assert.That(report.Ok, Is.False);
        Assert.That(report.Error, Is.EqualTo("database unavailable"));
        Assert.That(report.Error, Does.Not.Contain("unable to open"), "the exception text goes to the log only");
    }
}
