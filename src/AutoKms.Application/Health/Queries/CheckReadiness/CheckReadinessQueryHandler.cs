using System.Data.Common;
using System.Security.Cryptography;
using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Cryptography;
using AutoKms.Application.Health.Queries.CheckHealth;
using MediatR;
using Microsoft.Extensions.Logging;

namespace AutoKms.Application.Health.Queries.CheckReadiness;

/// <summary>
/// Ready when a database round trip succeeds and the root key (a file or an HSM) seals and unseals
/// a throwaway value. Which one failed is named; why goes to the log only.
/// </summary>
public sealed partial class CheckReadinessQueryHandler(IHealthProbe probe, IKeyMaterialSealer sealer, ILogger<CheckReadinessQueryHandler> logger)
    : IRequestHandler<CheckReadinessQuery, HealthReport>
{
    public const string RootKeyUnavailable = "root key unavailable";

    public async Task<HealthReport> Handle(CheckReadinessQuery request, CancellationToken cancellationToken)
    {
        try
        {
            await probe.CheckAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DatabaseBusyException or StorageUnavailableException or DbException or InvalidOperationException or IOException or TimeoutException)
        {
            LogNotReady(logger, "database", ex);
            return new HealthReport(false, CheckHealthQueryHandler.Unavailable);
        }

        try
        {
            using var probeMaterial = new KeyMaterial(RandomNumberGenerator.GetBytes(32));
            var sealedProbe = sealer.Seal(SealingContext.RootKeyCheck, probeMaterial);
            using var opened = sealer.Unseal(SealingContext.RootKeyCheck, sealedProbe);
            return new HealthReport(true);
        }
        catch (Exception ex) when (ex is CryptographicException or InvalidOperationException or IOException)
        {
            LogNotReady(logger, "root key", ex);
            return new HealthReport(false, RootKeyUnavailable);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not ready: the {Part} is unavailable")]
    private static partial void LogNotReady(ILogger logger, string part, Exception exception);
}
