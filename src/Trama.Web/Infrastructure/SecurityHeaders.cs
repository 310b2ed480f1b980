namespace Trama.Web.Infrastructure;

public static class SecurityHeaders
{
    /// No third-party origin is needed: every script, style and font is served by the app. The
    /// one exception is the map's tile server, when one is configured (Trama:Directory:TileUrl).
    private static string ContentSecurityPolicy(string? tileOrigin) =>
        $"default-src 'self'; img-src 'self' data:{(tileOrigin is null ? string.Empty : " " + tileOrigin)}; style-src 'self' 'unsafe-inline'; script-src 'self'; font-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this WebApplication app)
    {
        var tiles = app.Configuration[$"{Features.ServiceDirectory.DirectoryOptions.Section}:TileUrl"];
        var origin = Uri.TryCreate(tiles?.Replace("{s}", "a", StringComparison.Ordinal).Replace("{z}/{x}/{y}", "0/0/0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            ? uri.GetLeftPart(UriPartial.Authority).Replace("//a.", "//*.", StringComparison.Ordinal)
            : null;
        var policy = ContentSecurityPolicy(origin);
        return app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = policy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(self)";
            await next(context);
        });
    }
}
