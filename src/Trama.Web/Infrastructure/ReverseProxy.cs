using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Trama.Web.Infrastructure;

/// Behind a reverse proxy that terminates TLS, the client's address (kept in the audit trail and
/// used by the login rate limit) and the scheme (which marks cookies Secure) come from the
/// proxy's X-Forwarded-For and X-Forwarded-Proto, trusted only from the proxies named in
/// `Trama:ReverseProxy` so that a client cannot claim another address.
public sealed class ReverseProxyOptions
{
    public const string Section = "Trama:ReverseProxy";

    /// Addresses of the proxies, e.g. 10.0.0.5.
    public List<string> KnownProxies { get; set; } = [];

    /// Networks of the proxies in CIDR notation, e.g. 10.0.0.0/24.
    public List<string> KnownNetworks { get; set; } = [];
}

public static class ReverseProxy
{
    public static IServiceCollection AddTramaReverseProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var proxy = configuration.GetSection(ReverseProxyOptions.Section).Get<ReverseProxyOptions>() ?? new ReverseProxyOptions();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var address in proxy.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(address));
            }

            foreach (var network in proxy.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }

            // One proxy in front: the last forwarded address is the client's.
            o.ForwardLimit = 1;
        });
        return services;
    }

    /// Only when proxies are configured: without them a forwarded header is a client's claim.
    public static IApplicationBuilder UseTramaReverseProxy(this WebApplication app)
    {
        var proxy = app.Configuration.GetSection(ReverseProxyOptions.Section).Get<ReverseProxyOptions>();
        return proxy is { KnownProxies.Count: > 0 } or { KnownNetworks.Count: > 0 } ? app.UseForwardedHeaders() : app;
    }
}
