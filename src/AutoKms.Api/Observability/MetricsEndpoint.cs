using Microsoft.Extensions.Options;
using Prometheus;

namespace AutoKms.Api.Observability;

/// <summary>
/// <c>GET /metrics</c>: the Prometheus text exposition of <see cref="PrometheusExport.Registry"/>.
/// Anonymous like <c>/system/healthz</c> (no token, no rate-limit class, no audit record), behind
/// the open-mode guard like every route, and kept out of the OpenAPI document: it is for the
/// scraper, not for API clients. With <c>Kms:Metrics:Enabled=false</c> the route does not exist.
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
            var export = endpoints.ServiceProvider.GetRequiredService<PrometheusExport>();
            endpoints.MapMetrics(Path, export.Registry)
                .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]))
                .AllowAnonymous()
                .ExcludeFromDescription();
        }

        return endpoints;
    }
}
