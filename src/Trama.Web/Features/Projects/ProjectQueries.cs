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
        var records = OwnRecords(db, viewer);
        var visible = OnTheTeam(db, viewer, today)
            .Union(db.Projects.Where(p => records.Contains(p.PersonId)).Select(p => p.Id));
        if (viewer.IsClinician)
        {
            var centres = OwnCentres(db, viewer, today);
            visible = visible.Union(db.Projects.Where(p => centres.Contains(p.MentalHealthCentreId)).Select(p => p.Id));
        }

        return projects.Where(p => visible.Contains(p.Id));
    }

    /// The same rule as <see cref="VisibleTo"/>, applied to each way a project comes into view
    /// (care team, own record, CPS) and the results united. A filter on the project's own columns
    /// in <paramref name="read"/> then narrows each way through that way's index (a CPS's caseload
    /// by centre and state) before anything else is read, where <see cref="VisibleTo"/> gathers the
    /// whole caseload's ids first and looks each one up. The union keeps a project seen two ways
    /// once; <paramref name="read"/> must end in an anonymous projection, which EF unites in SQL.
    public static IQueryable<T> ReadVisibleTo<T>(this IQueryable<HealthBudgetProject> projects, AppDbContext db, Viewer viewer, DateOnly today,
        Func<IQueryable<HealthBudgetProject>, IQueryable<T>> read) =>
        Ways(projects, db, viewer, today).Select(read).Aggregate(Queryable.Union);

    private static IEnumerable<IQueryable<HealthBudgetProject>> Ways(IQueryable<HealthBudgetProject> projects, AppDbContext db, Viewer viewer, DateOnly today)
    {
        var team = OnTheTeam(db, viewer, today);
        yield return projects.Where(p => team.Contains(p.Id));
        var records = OwnRecords(db, viewer);
        yield return projects.Where(p => records.Contains(p.PersonId));
        if (viewer.IsClinician)
        {
            var centres = OwnCentres(db, viewer, today);
            yield return projects.Where(p => centres.Contains(p.MentalHealthCentreId));
        }
    }

    private static IQueryable<Guid> OnTheTeam(AppDbContext db, Viewer viewer, DateOnly today)
    {
        var uid = viewer.UserId;
        return db.CareTeamMembers
            .Where(m => m.UserId == uid && m.StartsOn <= today && (m.EndsOn == null || m.EndsOn >= today))
            .Select(m => m.ProjectId);
    }

    private static IQueryable<Guid> OwnRecords(AppDbContext db, Viewer viewer)
    {
        var uid = viewer.UserId;
        return db.People.Where(x => x.UserId == uid).Select(x => x.Id);
    }

    private static IQueryable<Guid> OwnCentres(AppDbContext db, Viewer viewer, DateOnly today)
    {
        var uid = viewer.UserId;
        return db.OrganisationMemberships
            .Where(m => m.UserId == uid && m.StartsOn <= today && (m.EndsOn == null || m.EndsOn >= today))
            .Select(m => m.OrganisationId);
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
