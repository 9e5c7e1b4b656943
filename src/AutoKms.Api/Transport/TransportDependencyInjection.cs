using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace AutoKms.Api.Transport;

/// <summary>HTTPS from a configured certificate, and forwarded headers from known proxies only.</summary>
public static class TransportDependencyInjection
{
    public static WebApplicationBuilder AddKmsTransport(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var tls = builder.Configuration.GetSection(TlsOptions.SectionName).Get<TlsOptions>() ?? new TlsOptions();
        if (tls.Configured)
        {
            // Loaded once, at start: a missing or unreadable certificate stops the service with its reason.
            var certificate = tls.Load();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate));
        }

        var forwarded = builder.Configuration.GetSection(ForwardedHeadersSettings.SectionName).Get<ForwardedHeadersSettings>() ?? new ForwardedHeadersSettings();
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // The defaults trust loopback; only the configured proxies are trusted here.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // the older list is still consulted; clear it too
            options.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
            foreach (var proxy in forwarded.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"Kms:ForwardedHeaders:KnownProxies holds '{proxy}', which is not an IP address."));
            }
        });
        return builder;
    }
}
