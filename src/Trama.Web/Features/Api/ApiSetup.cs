using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Trama.Web.Features.Account;

namespace Trama.Web.Features.Api;

/// The JSON API under /api/v1: the same operations as the pages, the same care-team scope and
/// audit, problem-details errors, a cookie (with an antiforgery header) or a bearer token.
public static class ApiSetup
{
    public const string Policy = "Api";

    public static IServiceCollection AddTramaApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new Infrastructure.NulCharacters.JsonConverter());
        });
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Trama API";
            document.Info.Description = "Budget di Salute projects: the same care-team scope and audit as the web pages.";
            return Task.CompletedTask;
        }));
        services.AddAuthentication().AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromMinutes(30));
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, IdentityConstants.BearerScheme)
            .RequireAuthenticatedUser());
        return services;
    }

    public static IEndpointRouteBuilder MapTramaApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        var api = app.MapGroup("/api/v1").RequireAuthorization(Policy).AddEndpointFilter(RequireAntiforgeryWithCookie);
        api.MapPost("/token", TokenAsync).AllowAnonymous()
            .RequireRateLimiting(AccountSetup.LoginRateLimit)
            .WithTags("Account")
            .WithSummary("Exchanges a user name, password and (for staff) an authenticator code for a bearer token valid 30 minutes.");
        Projects.ProjectsApi.Map(api);
        Programmes.ProgrammesApi.Map(api);
        Referrals.ReferralsApi.Map(api);
        ServiceDirectory.HsdsApi.Map(app);
        return app;
    }

    public sealed record TokenRequest(string UserName, string Password, string? Code);

    private static async Task<IResult> TokenAsync(TokenRequest request, SignInManager<AppUser> signIn, Microsoft.Extensions.Options.IOptions<Infrastructure.TramaOptions> options, IStringLocalizer<SharedResource> l)
    {
        var user = request.UserName.Contains('@', StringComparison.Ordinal)
            ? await signIn.UserManager.FindByEmailAsync(request.UserName)
            : await signIn.UserManager.FindByNameAsync(request.UserName);
        if (user is null)
        {
            return TypedResults.Problem(title: l["Login.InvalidCredentials"], statusCode: StatusCodes.Status401Unauthorized);
        }

        // Staff who must use a second factor and have none get no token: they set it up in the app first.
        if (options.Value.Security.RequireTwoFactor && !user.IsDemo && !user.TwoFactorEnabled
            && (await signIn.UserManager.GetRolesAsync(user)).Any(Roles.NeedingTwoFactor.Contains))
        {
            var check = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
            return check.Succeeded
                ? TypedResults.Problem(title: l["TwoFactor.RequiredNotice"], statusCode: StatusCodes.Status403Forbidden)
                : TypedResults.Problem(title: l[check.IsLockedOut ? "Login.LockedOut" : "Login.InvalidCredentials"], statusCode: StatusCodes.Status401Unauthorized);
        }

        // The bearer handler writes the token itself when the sign-in succeeds.
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(user, request.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor && !string.IsNullOrEmpty(request.Code))
        {
            result = await signIn.TwoFactorAuthenticatorSignInAsync(request.Code, isPersistent: false, rememberClient: false);
        }

        return result switch
        {
            { Succeeded: true } => TypedResults.Empty,
            { RequiresTwoFactor: true } => TypedResults.Problem(title: l["SecondFactor.Invalid"], statusCode: StatusCodes.Status401Unauthorized),
            { IsLockedOut: true } => TypedResults.Problem(title: l["Login.LockedOut"], statusCode: StatusCodes.Status401Unauthorized),
            { IsNotAllowed: true } => TypedResults.Problem(title: l["Login.NotAllowed"], statusCode: StatusCodes.Status401Unauthorized),
            _ => TypedResults.Problem(title: l["Login.InvalidCredentials"], statusCode: StatusCodes.Status401Unauthorized),
        };
    }

    /// A browser sends the session cookie by itself, so a state-changing call that carries it must
    /// also carry the antiforgery token (header RequestVerificationToken). Bearer calls cannot be forged.
    private static async ValueTask<object?> RequireAntiforgeryWithCookie(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && http.Request.Cookies.ContainsKey("trama.auth"))
        {
            var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                var l = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                return TypedResults.Problem(title: l["Error.BadRequest.Title"], detail: l["Api.Antiforgery"], statusCode: StatusCodes.Status400BadRequest);
            }
        }

        return await next(context);
    }
}
