namespace AutoKms.Api.Observability;

/// <summary>
/// <c>Kms:Metrics</c>: whether <c>GET /metrics</c> serves the Prometheus exposition. It is open
/// (no token) like <c>/system/healthz</c>; operators who do not want it reachable by every client
/// restrict the path at their proxy or turn it off here.
/// </summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Kms:Metrics";

    /// <summary>Serve <see cref="MetricsEndpoint.Path"/> (default) or answer it 404.</summary>
    public bool Enabled { get; set; } = true;
}
