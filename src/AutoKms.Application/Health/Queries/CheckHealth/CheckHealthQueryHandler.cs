using System.Data.Common;
using AutoKms.Application.Common.Interfaces;
using MediatR;

namespace AutoKms.Application.Health.Queries.CheckHealth;

public sealed class CheckHealthQueryHandler(IHealthProbe probe) : IRequestHandler<CheckHealthQuery, HealthReport>
{
    public async Task<HealthReport> Handle(CheckHealthQuery request, CancellationToken cancellationToken)
    {
        try
        {
            await probe.CheckAsync(cancellationToken).ConfigureAwait(false);
            return new HealthReport(true);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or IOException or TimeoutException)
        {
            return new HealthReport(false, $"database unreachable: {ex.Message}");
        }
    }
}
