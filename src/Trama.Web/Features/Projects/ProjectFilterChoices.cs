using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Trama.Web.Data;
using Trama.Web.Features.Account;
using Trama.Web.Features.Organisations;
using Trama.Web.Features.People;

namespace Trama.Web.Features.Projects;

/// The centres and case managers the project list offers as filters: those of the projects the
/// viewer can see. A CPS sees a thousand projects at a region's scale, and gathering both lists
/// walked all of them on every view of the list, so they are kept for each viewer until a project,
/// a care team, a membership, an organisation's or a user's name or a person's account changes in
/// this instance (and for two minutes at most, for changes made by another instance).
public sealed class ProjectFilterChoices(AppDbContext db, IMemoryCache cache)
{
    public sealed record Centre(Guid Id, string Name);

    public sealed record Manager(string Id, string Name);

    public sealed record Choices(IReadOnlyList<Centre> Centres, IReadOnlyList<Manager> Managers);

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    private static readonly Type[] Sources =
    [
        typeof(HealthBudgetProject), typeof(CareTeamMember), typeof(OrganisationMembership), typeof(Organisation), typeof(Person), typeof(AppUser),
    ];

    /// The roles a project list calls its manager: the case manager, or where there is none the CPS referent.
    public static readonly CareTeamRole[] ManagerRoles = [CareTeamRole.CaseManager, CareTeamRole.CpsReferent];

    public Task<Choices> ForAsync(Viewer viewer, Guid programmeId, DateOnly today) =>
        cache.KeptAsync((nameof(ProjectFilterChoices), viewer, programmeId, today), Sources, Lifetime, () => ComputeAsync(viewer, programmeId, today));

    private async Task<Choices> ComputeAsync(Viewer viewer, Guid programmeId, DateOnly today)
    {
        var visible = db.Projects.AsNoTracking().VisibleTo(db, viewer, today).Where(p => p.ProgrammeId == programmeId);
        var centres = (await visible.Select(p => new { p.MentalHealthCentreId, p.MentalHealthCentre.Name }).Distinct().ToListAsync())
            .Select(c => new Centre(c.MentalHealthCentreId, c.Name))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        var managers = (await visible.SelectMany(p => p.Team)
                .Where(m => m.UserId != null && ManagerRoles.Contains(m.Role) && m.StartsOn <= today && (m.EndsOn == null || m.EndsOn >= today))
                .Select(m => new { m.UserId, m.User!.DisplayName }).Distinct().ToListAsync())
            .Select(m => new Manager(m.UserId!, m.DisplayName))
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .ToList();
        return new Choices(centres, managers);
    }
}
