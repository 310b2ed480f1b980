using Microsoft.EntityFrameworkCore;
using Trama.Web.Data;
using Trama.Web.Features.People;

namespace Trama.Web.Features.Projects;

/// Loads one project through the care-team scope and says what the viewer may do with it.
/// Pages that act on a project go through here, so an out-of-scope id is a 404 everywhere.
public sealed class ProjectAccess(AppDbContext db, Audit.AuditTrail audit, TimeProvider clock)
{
    public sealed record Grant(HealthBudgetProject Project, Viewer Viewer, bool IsCps, bool IsTeam, bool IsPerson, int ReviewIntervalMonths)
    {
        /// Set when the project is open only through break-the-glass: read-only, until then.
        public DateTime? EmergencyUntilUtc { get; init; }

        public bool IsCpsReferent { get; init; }

        /// On the team only as a natural facilitator or family member: they see what their
        /// assignment needs (the person's name and contact, the crisis plan, what they logged
        /// themselves) and log their own accompaniments, never the plan, clinical notes or budget.
        public bool IsLimited { get; init; }

        public bool CanWork => EmergencyUntilUtc is null && (IsCps || (IsTeam && !IsLimited));

        public bool ShowsAssessment => !Project.AssessmentObscured || IsCpsReferent;

        public bool CanLogDiary => CanWork || (EmergencyUntilUtc is null && IsTeam && IsLimited);

        public bool MayTake(Transition t) => t.CpsOnly ? IsCps : CanWork;

        /// Who may still see a record obscured at the person's request: whoever wrote or uploaded
        /// it and the CPS referent. They are also the ones who may obscure it or show it again.
        public bool SeesObscured(string authorUserId) => IsCpsReferent || authorUserId == Viewer.UserId;
    }

    public DateOnly Today => Infrastructure.ItalianTime.Today(clock);

    public DateTime NowUtc => clock.GetUtcNow().UtcDateTime;

    /// For pages that change an open project: the grant, or the answer to give instead — 404 out of
    /// scope (existence never leaks), 403 for someone who may see but not work on it, or once it ended.
    public async Task<(Grant? Grant, Microsoft.AspNetCore.Mvc.IActionResult? Refusal)> ForWorkAsync(System.Security.Claims.ClaimsPrincipal user, Guid id, bool diaryOnly = false)
    {
        var grant = await FindAsync(user, id);
        return grant switch
        {
            null => (null, new Microsoft.AspNetCore.Mvc.NotFoundResult()),
            _ when !(diaryOnly ? grant.CanLogDiary : grant.CanWork) => (null, new Microsoft.AspNetCore.Mvc.ForbidResult()),
            _ when !ProjectLifecycle.IsOpen(grant.Project.State) => (null, new Microsoft.AspNetCore.Mvc.ForbidResult()),
            _ => (grant, null),
        };
    }

    /// The project, tracked for changes, with the parts named by <paramref name="include"/>; null when out of scope.
    public async Task<Grant?> FindAsync(System.Security.Claims.ClaimsPrincipal user, Guid id, Func<IQueryable<HealthBudgetProject>, IQueryable<HealthBudgetProject>>? include = null)
    {
        var viewer = Viewer.Of(user);
        var today = Today;
        var query = db.Projects.Where(p => p.Id == id).VisibleOneTo(db, viewer, today).Include(p => p.Person);
        var project = await (include is null ? query : include(query)).AsSplitQuery().SingleOrDefaultAsync();
        DateTime? emergencyUntil = null;
        if (project is null && viewer.IsClinician)
        {
            var now = NowUtc;
            emergencyUntil = await db.EmergencyAccesses
                .Where(e => e.ProjectId == id && e.UserId == viewer.UserId && e.StartedAtUtc <= now && e.EndsAtUtc > now)
                .MaxAsync(e => (DateTime?)e.EndsAtUtc);
            if (emergencyUntil is not null)
            {
                var direct = db.Projects.Where(p => p.Id == id).Include(p => p.Person);
                project = await (include is null ? direct : include(direct)).AsSplitQuery().SingleOrDefaultAsync();
            }
        }

        if (project is null)
        {
            return null;
        }

        await audit.RecordReadAsync(nameof(HealthBudgetProject), project.Id.ToString(), project.PersonId);
        if (emergencyUntil is not null)
        {
            return new Grant(project, viewer, false, false, false, 0) { EmergencyUntilUtc = emergencyUntil };
        }

        // One round trip for what every project page needs to know besides the project itself.
        var standing = await db.Projects.Where(p => p.Id == id)
            .Select(p => new
            {
                IsCps = viewer.IsClinician && db.OrganisationMemberships.Any(m =>
                    m.UserId == viewer.UserId && m.OrganisationId == p.MentalHealthCentreId && m.StartsOn <= today && (m.EndsOn == null || m.EndsOn >= today)),
                Team = p.Team.Where(m => m.UserId == viewer.UserId && m.StartsOn <= today && (m.EndsOn == null || m.EndsOn >= today)).Select(m => m.Role).ToList(),
                p.Programme.ReviewIntervalMonths,
            })
            .SingleAsync();
        var (isCps, team, interval) = (standing.IsCps, standing.Team, standing.ReviewIntervalMonths);
        var limited = !isCps && team.Count > 0 && team.All(r => r is CareTeamRole.NaturalFacilitator or CareTeamRole.FamilyMember);

        // Third-sector partners see the shared dossier only with the person's consent; without it
        // they keep doing their part of the care in the assignment view (consent restricts sharing, not care).
        if (!limited && !isCps && team.Count > 0 && team.All(r => r is CareTeamRole.KeyWorker or CareTeamRole.PeerSupportExpert))
        {
            var organisations = await db.OrganisationMemberships
                .Where(m => m.UserId == viewer.UserId && m.StartsOn <= today && (m.EndsOn == null || m.EndsOn >= today))
                .Select(m => m.OrganisationId).ToListAsync();
            limited = !await db.SharesWithAsync(project.PersonId, organisations);
        }

        return new Grant(project, viewer, isCps, team.Count > 0, project.Person.UserId == viewer.UserId, interval)
        {
            IsCpsReferent = team.Contains(CareTeamRole.CpsReferent),
            IsLimited = limited,
        };
    }

    /// Takes a lifecycle step on a project the viewer may work on, in the one place that also
    /// freezes the care agreement when it is signed. Returns the refusal's message key, or null;
    /// the caller saves.
    public async Task<string?> TakeAsync(Grant grant, ProjectAction action, string? reason, ClosureReason? closure, Microsoft.Extensions.Localization.IStringLocalizer l)
    {
        var refused = grant.Project.Apply(action, grant.IsCps, grant.Viewer.UserId, NowUtc, reason, closure, grant.ReviewIntervalMonths);
        if (refused is null && action == ProjectAction.ApproveAndSignAgreement)
        {
            await AgreementContent.FreezeAsync(db, grant.Project.Id, grant.Viewer.UserId, NowUtc, null, l);
        }

        // Leaving the care ends the beneficiary role, unless another project of the person is open.
        if (refused is null && grant.Project.State is ProjectState.Closed or ProjectState.NotEligible)
        {
            var project = grant.Project;
            var openStates = Enum.GetValues<ProjectState>().Where(ProjectLifecycle.IsOpen).ToList();
            var stillInCare = await db.Projects.AnyAsync(p => p.PersonId == project.PersonId && p.Id != project.Id && openStates.Contains(p.State));
            if (!stillInCare)
            {
                var today = Today;
                foreach (var role in await db.PersonRoles.Where(r => r.PersonId == project.PersonId && r.Kind == People.PersonRoleKind.Beneficiary && r.EndsOn == null).ToListAsync())
                {
                    role.EndsOn = role.StartsOn > today ? role.StartsOn : today;
                }
            }
        }

        return refused;
    }
}
