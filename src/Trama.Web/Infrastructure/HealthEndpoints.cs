using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Trama.Web.Infrastructure;

public static class HealthEndpoints
{
    /// `/health/live`: the process answers. `/health/ready`: the database answers and is migrated.
    public static IEndpointRouteBuilder MapTramaHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        return endpoints;
    }
}
