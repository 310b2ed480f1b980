using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Trama.Web.Features.Account;

public static class TramaClaims
{
    public const string DisplayName = "trama:display_name";
}

/// Adds the display name to the sign-in cookie so the header needs no query.
public sealed class TramaClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(TramaClaims.DisplayName, user.DisplayName));
        return identity;
    }
}
