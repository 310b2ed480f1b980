using Trama.Web.Data;

namespace Trama.Web.Features.Projects;

/// The care-team scope. Every query of projects and of what hangs off them starts here.
public static class ProjectQueries
{
    /// A project is visible to its current care team, to the clinicians of its CPS, and to the
    /// person it is about. Nobody else: administrators, coordinators and funders see aggregates.
    public static IQueryable<HealthBudgetProject> VisibleTo(this IQueryable<HealthBudgetProject> projects, AppDbContext db, Viewer viewer, DateOnly today)
    {
        // The ids of the visible projects, gathered branch by branch through each branch's own
        // index and united: an OR of correlated EXISTS would make both engines walk every project
        // of the programme (a region's 40,000) for each page; this reads only the viewer's own.
        var uid = viewer.UserId;
        var visible = db.CareTeamMembers
            .Where(m => m.UserId == uid && m.StartsOn <= today && (m.EndsOn == null || m.EndsOn >= today))
            .Select(m => m.ProjectId)
            .Union(db.Projects.Where(p => db.People.Where(x => x.UserId == uid).Select(x => x.Id).Contains(p.PersonId)).Select(p => p.Id));
        if (viewer.IsClinician)
        {
            var centres = db.OrganisationMemberships
                .Where(m => m.UserId == uid && m.StartsOn <= today && (m.EndsOn == null || m.EndsOn >= today))
                .Select(m => m.OrganisationId);
            visible = visible.Union(db.Projects.Where(p => centres.Contains(p.MentalHealthCentreId)).Select(p => p.Id));
        }

        return projects.Where(p => visible.Contains(p.Id));
    }

    /// The same rule for one project already picked by its id: checked on that row alone through
    /// correlated lookups, where the united ids of <see cref="VisibleTo"/> would gather the
    /// viewer's whole caseload to answer for one project.
    public static IQueryable<HealthBudgetProject> VisibleOneTo(this IQueryable<HealthBudgetProject> projects, AppDbContext db, Viewer viewer, DateOnly today)
    {
        var uid = viewer.UserId;
        var clinician = viewer.IsClinician;
        return projects.Where(p =>
            p.Team.Any(m => m.UserId == uid && m.StartsOn <= today && (m.EndsOn == null || m.EndsOn >= today))
            || (clinician && db.OrganisationMemberships.Any(m =>
                m.UserId == uid && m.OrganisationId == p.MentalHealthCentreId && m.StartsOn <= today && (m.EndsOn == null || m.EndsOn >= today)))
            || p.Person.UserId == uid);
    }

    /// Diary entries the viewer may read on a project they can see: their own, ordinary ones, and
    /// those of the sensitivity their role is cleared for. An obscured entry only its author and the
    /// project's CPS referent.
    public static IQueryable<DiaryEntry> ReadableBy(this IQueryable<DiaryEntry> entries, AppDbContext db, Viewer viewer, DateOnly today, bool ownOnly = false) =>
        entries.Where(d => d.AuthorUserId == viewer.UserId
            || (!ownOnly && !d.IsObscured && (d.Sensitivity == Sensitivity.Ordinary
                || viewer.IsClinician
                || (d.Sensitivity == Sensitivity.Social && viewer.IsSocialWorker)
                || (d.Sensitivity == Sensitivity.Peer && viewer.IsPeerSupportExpert)))
            || (!ownOnly && d.IsObscured && db.CareTeamMembers.Any(m => m.ProjectId == d.ProjectId && m.UserId == viewer.UserId && m.Role == CareTeamRole.CpsReferent
                && m.StartsOn <= today && (m.EndsOn == null || m.EndsOn >= today))));

    /// Projects whose person's pseudonymous code or name contains the text; no filter for blank text.
    public static IQueryable<HealthBudgetProject> Matching(this IQueryable<HealthBudgetProject> projects, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return projects;
        }

        var name = People.Person.Normalise(text.Trim(), string.Empty);
        var code = text.Trim().ToUpperInvariant();
        return projects.Where(p => p.Person.PseudonymousCode.Contains(code) || p.Person.NormalisedName.Contains(name));
    }
}
