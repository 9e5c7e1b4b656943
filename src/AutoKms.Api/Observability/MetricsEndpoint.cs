using Microsoft.Extensions.Options;

namespace AutoKms.Api.Observability;

/// <summary>
/// <c>GET /metrics</c>: the Prometheus text exposition of the service's System.Diagnostics.Metrics
/// instruments, through the OpenTelemetry SDK and its Prometheus exporter (ADR 0019). Anonymous like
/// <c>/system/healthz</c> (no token, no rate-limit class, no audit record), behind the open-mode
/// guard like every route, and kept out of the OpenAPI document: it is for the scraper, not for
/// API clients. With <c>Kms:Metrics:Enabled=false</c> the route does not exist (404) and no SDK
/// listens to the instruments.
/// </summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";

    public static IServiceCollection AddKmsMetrics(this IServiceCollection services)
    {
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.SectionName);
        services.AddSingleton<PrometheusExport>();
        return services;
    }

    public static IEndpointRouteBuilder MapKmsMetrics(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetRequiredService<IOptions<MetricsOptions>>().Value.Enabled)
        {
            // Made now, before the first request, so the counts start with the service.
            var export = endpoints.ServiceProvider.GetRequiredService<PrometheusExport>();
            endpoints.MapPrometheusScrapingEndpoint(Path, export.Provider, configureBranchedPipeline: null, optionsName: null)
                .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]))
                .AllowAnonymous()
                .ExcludeFromDescription();
        }

        return endpoints;
    }
}
