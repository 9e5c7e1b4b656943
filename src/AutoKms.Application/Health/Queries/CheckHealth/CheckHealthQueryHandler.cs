using System.Data.Common;
using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Common.Interfaces;
using MediatR;
using Microsoft.Extensions.Logging;

namespace AutoKms.Application.Health.Queries.CheckHealth;

/// <summary>Answers "database unavailable" when the probe fails; why it failed goes to the log only.</summary>
public sealed partial class CheckHealthQueryHandler(IHealthProbe probe, ILogger<CheckHealthQueryHandler> logger) : IRequestHandler<CheckHealthQuery, HealthReport>
{
    public const string Unavailable = "database unavailable";

    public async Task<HealthReport> Handle(CheckHealthQuery request, CancellationToken cancellationToken)
    {
        try
        {
            await probe.CheckAsync(cancellationToken).ConfigureAwait(false);
            return new HealthReport(true);
        }
        catch (Exception ex) when (ex is DatabaseBusyException or StorageUnavailableException or DbException or InvalidOperationException or IOException or TimeoutException)
        {
            LogUnavailable(logger, ex);
            return new HealthReport(false, Unavailable);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Health check failed: the database is unavailable")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);
}
