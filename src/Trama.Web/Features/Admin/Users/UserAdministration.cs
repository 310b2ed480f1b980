using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Trama.Web.Data;
using Trama.Web.Features.Account;
using Trama.Web.Features.Organisations;

namespace Trama.Web.Features.Admin.Users;

public sealed record OrganisationChoice(Guid Id, string Name, string Territory);

/// The steps Create and Edit share: roles and organisation memberships follow the form, and
/// memberships that end are closed with a date rather than deleted, so history survives.
public sealed class UserAdministration(AppDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    public Task<List<OrganisationChoice>> OrganisationChoicesAsync() =>
        db.Organisations.AsNoTracking()
            .OrderBy(o => o.Territory.Name).ThenBy(o => o.Name)
            .Select(o => new OrganisationChoice(o.Id, o.Name, o.Territory.Name))
            .ToListAsync();

    public async Task<IdentityResult> SetRolesAsync(AppUser user, IEnumerable<string> wanted)
    {
        var target = wanted.Where(Roles.All.Contains).ToHashSet();
        var current = await users.GetRolesAsync(user);
        var removed = await users.RemoveFromRolesAsync(user, current.Where(r => !target.Contains(r)));
        return removed.Succeeded ? await users.AddToRolesAsync(user, target.Where(r => !current.Contains(r))) : removed;
    }

    public async Task SetOrganisationsAsync(AppUser user, IEnumerable<Guid> wanted)
    {
        var today = Infrastructure.ItalianTime.Today(clock);
        var target = wanted.ToHashSet();
        var known = await db.Organisations.Where(o => target.Contains(o.Id)).Select(o => o.Id).ToListAsync();
        var current = await db.OrganisationMemberships
            .Where(m => m.UserId == user.Id && m.StartsOn <= today && (m.EndsOn == null || m.EndsOn >= today))
            .ToListAsync();
        foreach (var membership in current.Where(m => !target.Contains(m.OrganisationId)))
        {
            membership.EndsOn = membership.StartsOn == today ? today : today.AddDays(-1);
        }

        foreach (var id in known.Where(id => current.All(m => m.OrganisationId != id)))
        {
            db.OrganisationMemberships.Add(new OrganisationMembership { UserId = user.Id, OrganisationId = id, StartsOn = today });
        }

        await db.SaveChangesAsync();
    }
}
