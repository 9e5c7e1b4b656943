using System.Diagnostics.Metrics;
using AutoKms.Application.Common.Metrics;
using Prometheus;

namespace AutoKms.Api.Observability;

/// <summary>
/// The bridge from System.Diagnostics.Metrics to the Prometheus text format (prometheus-net's
/// <see cref="MeterAdapter"/>, ADR 0017): a registry of this host's own, fed only by meters this
/// host's <see cref="IMeterFactory"/> made and whose names are in <see cref="Meters"/>, so a second
/// host in the same process (tests) and any library's meter with unvetted tags stay out.
/// Listening starts when the singleton is made and ends when the container disposes it.
/// </summary>
public sealed class PrometheusExport : IDisposable
{
    /// <summary>
    /// The meters exported: the service's own, and ASP.NET Core's whose tags are route templates,
    /// methods, status codes and endpoint addresses only (never a path's values or a header).
    /// </summary>
    public static readonly IReadOnlySet<string> Meters = new HashSet<string>(StringComparer.Ordinal)
    {
        KmsMetrics.MeterName,
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.RateLimiting",
        "Microsoft.AspNetCore.Diagnostics",
    };

    /// <summary>Seconds buckets for a histogram whose instrument gives none: 0.1 ms to 10 s.</summary>
    private static readonly double[] DefaultSeconds = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly IDisposable _listener;

    public PrometheusExport(IMeterFactory meterFactory, KmsMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);

        // Made first, so the service's instruments exist before the listener looks for them.
        ArgumentNullException.ThrowIfNull(metrics);
        Registry = Metrics.NewCustomRegistry();
        DotNetStats.Register(Registry);
        _listener = MeterAdapter.StartListening(new MeterAdapterOptions
        {
            // The factory, not just the registry: the options' default factory writes to the global registry.
            Registry = Registry,
            MetricFactory = Metrics.WithCustomRegistry(Registry),
            InstrumentFilterPredicate = instrument => ReferenceEquals(instrument.Meter.Scope, meterFactory) && Meters.Contains(instrument.Meter.Name),
            ResolveHistogramBuckets = Buckets,

            // Every exported tag has a small fixed set of values, so series need no early expiry: a
            // counter that vanished after a quiet spell would read as a reset. A day is the most
            // the adapter takes.
            MetricsExpireAfter = TimeSpan.FromDays(1),
        });
    }

    /// <summary>What <c>GET /metrics</c> serves.</summary>
    public CollectorRegistry Registry { get; }

    public void Dispose() => _listener.Dispose();

    /// <summary>The buckets the instrument advises (the service's and ASP.NET Core's all do), else seconds.</summary>
    private static double[] Buckets(Instrument instrument) => instrument switch
    {
        Instrument<double> { Advice.HistogramBucketBoundaries: { } boundaries } => [.. boundaries],
        Instrument<int> { Advice.HistogramBucketBoundaries: { } boundaries } => [.. boundaries.Select(b => (double)b)],
        Instrument<long> { Advice.HistogramBucketBoundaries: { } boundaries } => [.. boundaries.Select(b => (double)b)],
        _ => DefaultSeconds,
    };
}
