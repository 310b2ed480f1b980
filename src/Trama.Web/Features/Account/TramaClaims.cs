using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Trama.Web.Features.Account;

public static class TramaClaims
{
    public const string DisplayName = "trama:display_name";

    /// "1" when the user has a second factor set up, so enrolment can be enforced without a query.
    public const string TwoFactor = "trama:2fa";

    public const string Demo = "trama:demo";
}

/// Adds the display name to the sign-in cookie so the header needs no query.
public sealed class TramaClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(TramaClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(TramaClaims.TwoFactor, user.TwoFactorEnabled ? "1" : "0"));
        identity.AddClaim(new Claim(TramaClaims.Demo, user.IsDemo ? "1" : "0"));
        return identity;
    }
}
