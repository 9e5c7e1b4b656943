using AutoKms.Application.Common.Metrics;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace AutoKms.Api.Observability;

/// <summary>
/// <c>GET /metrics</c>: the Prometheus text exposition of the service's System.Diagnostics.Metrics
/// instruments, through the OpenTelemetry SDK and its Prometheus exporter (ADR 0017). Anonymous like
/// <c>/system/healthz</c> (no token, no rate-limit class, no audit record), behind the open-mode
/// guard like every route, and kept out of the OpenAPI document: it is for the scraper, not for
/// API clients. With <c>Kms:Metrics:Enabled=false</c> the route does not exist (404).
/// </summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";

    /// <summary>The service name the exposition's <c>target_info</c> carries.</summary>
    public const string ServiceName = "auto-kms";

    /// <summary>
    /// The meters exported: the service's own, and ASP.NET Core's whose tags are route templates,
    /// methods, status codes, exception types and listening addresses only (never a path's values,
    /// a header or a body). A meter not named here is not exported.
    /// </summary>
    public static IReadOnlyList<string> Meters { get; } =
    [
        KmsMetrics.MeterName,
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.RateLimiting",
        "Microsoft.AspNetCore.Diagnostics",
    ];

    public static IServiceCollection AddKmsMetrics(this IServiceCollection services)
    {
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.SectionName);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics => metrics
                .AddMeter([.. Meters])
                // Every scrape sees the counts of the moment: a cached answer would hide the request just made.
                .AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0));
        return services;
    }

    public static IEndpointRouteBuilder MapKmsMetrics(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetRequiredService<IOptions<MetricsOptions>>().Value.Enabled)
        {
            endpoints.MapPrometheusScrapingEndpoint(Path)
                .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]))
                .AllowAnonymous()
                .ExcludeFromDescription();
        }

        return endpoints;
    }
}
