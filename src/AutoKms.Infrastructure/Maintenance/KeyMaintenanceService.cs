using AutoKms.Application.DeletedKeys.Commands.PurgeExpiredKeys;
using AutoKms.Application.Keys.Commands.RotateDueKeys;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AutoKms.Infrastructure.Maintenance;

/// <summary>
/// Rotates keys whose rotation period ran out and purges deleted keys whose retention window is
/// over, every <c>Kms:MaintenanceIntervalSeconds</c> (default 60). The work itself is the
/// application's <see cref="RotateDueKeysCommand"/> and <see cref="PurgeExpiredKeysCommand"/>.
/// </summary>
public sealed partial class KeyMaintenanceService(IServiceScopeFactory scopes, IOptions<KmsOptions> options, ILogger<KeyMaintenanceService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.MaintenanceIntervalSeconds)));
        do
        {
            var rotated = await RunAsync(new RotateDueKeysCommand(), stoppingToken).ConfigureAwait(false);
            var purged = await RunAsync(new PurgeExpiredKeysCommand(), stoppingToken).ConfigureAwait(false);
            if (rotated + purged > 0)
            {
                LogWork(logger, rotated, purged);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>Each job in its own scope and try: a failing rotation never stops the purge, or the reverse.</summary>
    private async Task<int> RunAsync(IRequest<int> job, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(job, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex);
            return 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Maintenance rotated {Rotated} key(s) and purged {Purged} deleted key(s)")]
    private static partial void LogWork(ILogger logger, int rotated, int purged);

    [LoggerMessage(Level = LogLevel.Error, Message = "Key maintenance failed; retrying next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
