using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Trama.Web.Data;
using Trama.Web.Features.Account;
using Trama.Web.Features.Programmes;
using Trama.Web.Features.Projects;

namespace Trama.Web.Features.Home;

/// One home page that shows, for each role the user holds, what that role needs first.
public sealed class IndexModel(AppDbContext db, ProgrammeContext programmes, ProgrammeOverviews overviews, Caseloads caseloads, Workplaces workplaces, Audit.AuditTrail audit, TimeProvider clock) : PageModel
{
    public ProgrammeOverview? Programme { get; private set; }

    public Guid ProgrammeId { get; private set; }

    public IReadOnlyList<string> UserRoles { get; private set; } = [];

    public IReadOnlyList<OrganisationRow> MyOrganisations { get; private set; } = [];

    public IReadOnlyList<ColleagueRow> Colleagues { get; private set; } = [];

    public int PeopleInProgramme { get; private set; }

    public OwnRecord? OwnRecord { get; private set; }

    public UserStatistics? Users { get; private set; }

    public sealed record DueReview(Guid Id, string Code, string Name, DateOnly Due, bool Overdue);

    public IReadOnlyList<StateCount> MyProjects { get; private set; } = [];

    public IReadOnlyList<DueReview> ReviewsDue { get; private set; } = [];

    public int EmergenciesToReview { get; private set; }

    public bool Has(string role) => UserRoles.Contains(role);

    public async Task OnGetAsync()
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var now = clock.GetUtcNow();
        var today = Infrastructure.ItalianTime.DateOf(now.UtcDateTime);
        UserRoles = Roles.All.Where(User.IsInRole).ToList();

        var current = await programmes.CurrentAsync();
        ProgrammeId = current?.Id ?? Guid.Empty;
        if (current is not null)
        {
            Programme = await overviews.ForAsync(current.Id, today);
            if (UserRoles.Any(r => r is Roles.NetworkCoordinator or Roles.Funder))
            {
                PeopleInProgramme = await db.PeopleInProgrammeAsync(current.Id);
            }
        }

        if (current is not null && Viewer.IsCareStaff(User))
        {
            var viewer = Viewer.Of(User);
            var caseload = await caseloads.ForAsync(viewer, current.Id, today);
            MyProjects = caseload.ByState;
            var dueIds = caseload.DueFirst;
            var due = (await db.Projects.AsNoTracking().Where(p => dueIds.Contains(p.Id)).VisibleOneTo(db, viewer, today)
                .Select(p => new { p.Id, p.PersonId, p.Person.PseudonymousCode, p.Person.FamilyName, p.Person.GivenName, p.NextReviewDue })
                .ToListAsync())
                .OrderBy(p => p.NextReviewDue).ThenBy(p => p.Id).ToList();
            ReviewsDue = due.Select(p => new DueReview(p.Id, p.PseudonymousCode, $"{p.FamilyName} {p.GivenName}", p.NextReviewDue!.Value, p.NextReviewDue < today)).ToList();
            await audit.RecordReadsAsync("ProjectList", due.Select(p => (p.Id.ToString(), (Guid?)p.PersonId)));
        }

        MyOrganisations = await workplaces.OrganisationsAsync(userId, today);
        if (UserRoles.Any(r => r is Roles.Clinician or Roles.SocialWorker or Roles.KeyWorker or Roles.PeerSupportExpert or Roles.Volunteer or Roles.FrontDesk))
        {
            Colleagues = await workplaces.ColleaguesAsync(userId, today);
        }

        if (Has(Roles.Beneficiary))
        {
            OwnRecord = await db.OwnRecordAsync(userId);
        }

        if (Has(Roles.Administrator))
        {
            Users = await db.UserStatisticsAsync(now);
        }

        if (Has(Roles.PrivacyOfficer))
        {
            EmergenciesToReview = await db.EmergencyAccesses.CountAsync(e => e.ReviewedAtUtc == null);
        }
    }
}
