using System.Diagnostics.Metrics;
using AutoKms.Application.Common.Metrics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace AutoKms.Api.Observability;

/// <summary>
/// The OpenTelemetry SDK's meter provider behind <c>GET /metrics</c> (ADR 0019): it reads the
/// meters named in <see cref="Meters"/> and serves them through the Prometheus exporter. Made only
/// when metrics are enabled, owned by the container, so it lives and ends with this host.
/// </summary>
public sealed class PrometheusExport : IDisposable
{
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

    public PrometheusExport(IMeterFactory meterFactory, KmsMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);

        // Asked for so the service's instruments exist before the provider starts listening.
        ArgumentNullException.ThrowIfNull(metrics);
        Provider = Sdk.CreateMeterProviderBuilder()
            .ConfigureResource(resource => resource.AddService(ServiceName, autoGenerateServiceInstanceId: false))
            .AddMeter([.. Meters])
            // The SDK subscribes by meter name, process-wide: an instrument another host's meter
            // factory made (a second host in one process, as in the tests) is not this service's,
            // and when that host ended, the SDK would end the same-named series here too.
            .AddView(instrument => ReferenceEquals(instrument.Meter.Scope, meterFactory) ? null : MetricStreamConfiguration.Drop)
            // Every scrape sees the counts of the moment: a cached answer would hide the request just made.
            .AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0)
            .Build();
    }

    /// <summary>What <c>GET /metrics</c> reads.</summary>
    public MeterProvider Provider { get; }

    public void Dispose() => Provider.Dispose();
}
