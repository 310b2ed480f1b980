using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Trama.Web.Data;

namespace Trama.Web.Features.Account;

public static class AccountSetup
{
    public const string AdministrationPolicy = "Administration";

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
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "trama.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AdministrationPolicy, p => p.RequireRole(Roles.Administrator));
        return services;
    }
}
