namespace AutoKms.Api.Transport;

/// <summary>
/// <c>Kms:ForwardedHeaders:KnownProxies</c>: the addresses of the reverse proxies that terminate
/// TLS in front of the service. Their X-Forwarded-For, -Proto and -Host are believed (so Location,
/// the client address in logs and limits, and /docs use what the client used); nobody else's are.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string SectionName = "Kms:ForwardedHeaders";

    public IList<string> KnownProxies { get; } = [];
}
