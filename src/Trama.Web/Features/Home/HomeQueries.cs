using Microsoft.EntityFrameworkCore;
using Trama.Web.Data;
using Trama.Web.Features.Account;
using Trama.Web.Features.Organisations;
using Trama.Web.Features.Programmes;

namespace Trama.Web.Features.Home;

public sealed record ProgrammeOverview(
    string Name, string Summary, string TerritoryName, int? Residents, string FunderName, int? FunderMaxSharePercent,
    DateOnly StartsOn, DateOnly? EndsOn, IReadOnlyList<PartnerRow> Partners);

public sealed record PartnerRow(Guid Id, string Name, OrganisationKind Kind, PartnerRole Role, string? Address, int Members);

public sealed record OrganisationRow(Guid Id, string Name, OrganisationKind Kind);

public sealed record ColleagueRow(string DisplayName, string Organisation);

public sealed record OwnRecord(string PseudonymousCode, string GivenName);

public sealed record RoleCount(string Role, int Users);

public sealed record UserStatistics(IReadOnlyList<RoleCount> ByRole, int Active, int Inactive, int LockedOut);

/// The read models of the home pages; each is projected in one query.
internal static class HomeQueries
{
    public static Task<ProgrammeOverview?> OverviewAsync(this AppDbContext db, Guid programmeId, DateOnly today) =>
        db.Programmes.AsNoTracking()
            .Where(p => p.Id == programmeId)
            .Select(p => new ProgrammeOverview(
                p.Name, p.Summary, p.Territory.Name, p.Territory.Residents, p.FunderName, p.FunderMaxSharePercent, p.StartsOn, p.EndsOn,
                p.Partners
                    .OrderBy(pp => pp.Organisation.Name)
                    .Select(pp => new PartnerRow(
                        pp.OrganisationId, pp.Organisation.Name, pp.Organisation.Kind, pp.Role, pp.Organisation.Address,
                        pp.Organisation.Members.Count(m => m.StartsOn <= today && (m.EndsOn == null || m.EndsOn >= today) && m.User.IsActive)))
                    .ToList()))
            .SingleOrDefaultAsync();

    public static Task<List<OrganisationRow>> MyOrganisationsAsync(this AppDbContext db, string userId, DateOnly today) =>
        db.OrganisationMemberships.AsNoTracking()
            .Where(m => m.UserId == userId && m.StartsOn <= today && (m.EndsOn == null || m.EndsOn >= today))
            .OrderBy(m => m.Organisation.Name)
            .Select(m => new OrganisationRow(m.OrganisationId, m.Organisation.Name, m.Organisation.Kind))
            .ToListAsync();

    public static Task<List<ColleagueRow>> ColleaguesAsync(this AppDbContext db, string userId, DateOnly today)
    {
        var mine = db.OrganisationMemberships
            .Where(m => m.UserId == userId && m.StartsOn <= today && (m.EndsOn == null || m.EndsOn >= today))
            .Select(m => m.OrganisationId);
        return db.OrganisationMemberships.AsNoTracking()
            .Where(m => mine.Contains(m.OrganisationId) && m.UserId != userId && m.User.IsActive
                && m.StartsOn <= today && (m.EndsOn == null || m.EndsOn >= today))
            .OrderBy(m => m.Organisation.Name).ThenBy(m => m.User.DisplayName)
            .Select(m => new ColleagueRow(m.User.DisplayName, m.Organisation.Name))
            .ToListAsync();
    }

    public static Task<int> PeopleInProgrammeAsync(this AppDbContext db, Guid programmeId) =>
        db.People.CountAsync(p => p.ProgrammeId == programmeId);

    public static Task<OwnRecord?> OwnRecordAsync(this AppDbContext db, string userId) =>
        db.People.AsNoTracking()
            .Where(p => p.UserId == userId)
            .Select(p => new OwnRecord(p.PseudonymousCode, p.GivenName))
            .SingleOrDefaultAsync();

    public static async Task<UserStatistics> UserStatisticsAsync(this AppDbContext db, DateTimeOffset now)
    {
        var byRole = await db.Roles.AsNoTracking()
            .OrderBy(r => r.Name)
            .Select(r => new RoleCount(r.Name!, db.UserRoles.Count(ur => ur.RoleId == r.Id)))
            .ToListAsync();
        var active = await db.Users.CountAsync(u => u.IsActive);
        var inactive = await db.Users.CountAsync(u => !u.IsActive);
        var locked = (await db.Users.Where(u => u.LockoutEnd != null).Select(u => u.LockoutEnd).ToListAsync()).Count(end => end > now);
        return new UserStatistics(byRole, active, inactive, locked);
    }
}
