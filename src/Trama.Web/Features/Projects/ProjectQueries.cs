using Trama.Web.Data;

namespace Trama.Web.Features.Projects;

/// The care-team scope. Every query of projects and of what hangs off them starts here.
public static class ProjectQueries
{
    /// A project is visible to its current care team, to the clinicians of its CPS, and to the
    /// person it is about. Nobody else: administrators, coordinators and funders see aggregates.
    public static IQueryable<HealthBudgetProject> VisibleTo(this IQueryable<HealthBudgetProject> projects, AppDbContext db, Viewer viewer, DateOnly today)
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

    public static bool IsCpsFor(this AppDbContext db, Viewer viewer, Guid mentalHealthCentreId, DateOnly today) =>
        viewer.IsClinician && db.OrganisationMemberships.Any(m =>
            m.UserId == viewer.UserId && m.OrganisationId == mentalHealthCentreId && m.StartsOn <= today && (m.EndsOn == null || m.EndsOn >= today));
}
