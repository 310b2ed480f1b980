using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Trama.Web.Data;

namespace Trama.Web.Features.Account;

public static class AccountSetup
{
    public const string AdministrationPolicy = "Administration";

    public const string LoginRateLimit = "login";

    /// Pages a staff member without a second factor may still reach: setting one up, and leaving.
    private static readonly HashSet<string> BeforeEnrolment = new(StringComparer.OrdinalIgnoreCase)
    {
        "/Account/TwoFactor", "/Account/Logout", "/Account/Language", "/Errors/Error",
    };

    /// Sends a staff member who must use a second factor and has none to set it up first.
    public static IApplicationBuilder UseTwoFactorEnrolment(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var user = http.User;
        if (user.Identity?.IsAuthenticated == true
            && http.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>() is { } page
            && !BeforeEnrolment.Contains(page.ViewEnginePath)
            && MustEnrol(user, http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Infrastructure.TramaOptions>>().Value))
        {
            http.Response.Redirect(http.Request.PathBase + "/Account/TwoFactor");
            return;
        }

        await next(http);
    });

    private static Task Answer(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    public static bool MustEnrol(System.Security.Claims.ClaimsPrincipal user, Infrastructure.TramaOptions options) =>
        options.Security.RequireTwoFactor
        && user.FindFirst(TramaClaims.TwoFactor)?.Value != "1"
        && user.FindFirst(TramaClaims.Demo)?.Value != "1"
        && Roles.NeedingTwoFactor.Any(user.IsInRole);

    public static IServiceCollection AddTramaIdentity(this IServiceCollection services)
    {
        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                // Length over composition rules (NIST SP 800-63B), with the mix most Italian
                // public-sector policies still ask for.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 5;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<TramaSignInManager>()
            .AddErrorDescriber<LocalisedIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<TramaClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        // A deactivated user or a changed password ends open sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        // Secure over HTTPS (behind the proxy too, through X-Forwarded-Proto), like the login cookie.
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "trama.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;

            // The API answers with a status code, never with the login page.
            o.Events.OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden);
        });
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<Microsoft.Extensions.Options.IOptions<Infrastructure.TramaOptions>>((o, trama) =>
                o.ExpireTimeSpan = TimeSpan.FromMinutes(Math.Max(1, trama.Value.Security.IdleTimeoutMinutes)));

        // Per client address, so one attacker cannot lock every account by guessing, nor try
        // second-factor codes faster than they change.
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(LoginRateLimit, http => HttpMethods.IsPost(http.Request.Method)
                ? System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter(
                    http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions
                    {
                        PermitLimit = Math.Max(1, http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Infrastructure.TramaOptions>>().Value.Security.LoginAttemptsPerMinute),
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    })
                : System.Threading.RateLimiting.RateLimitPartition.GetNoLimiter("read"));
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AdministrationPolicy, p => p.RequireRole(Roles.Administrator));
        return services;
    }
}
