using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trama.Web.Data;
using Trama.Web.Features.Account;
using Trama.Web.Features.Programmes;

namespace Trama.Web.Features.Home;

/// One home page that shows, for each role the user holds, what that role needs first.
public sealed class IndexModel(AppDbContext db, ProgrammeContext programmes, TimeProvider clock) : PageModel
{
    public ProgrammeOverview? Programme { get; private set; }

    public IReadOnlyList<string> UserRoles { get; private set; } = [];

    public IReadOnlyList<OrganisationRow> MyOrganisations { get; private set; } = [];

    public IReadOnlyList<ColleagueRow> Colleagues { get; private set; } = [];

    public int PeopleInProgramme { get; private set; }

    public OwnRecord? OwnRecord { get; private set; }

    public UserStatistics? Users { get; private set; }

    public bool Has(string role) => UserRoles.Contains(role);

    public async Task OnGetAsync()
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        UserRoles = Roles.All.Where(User.IsInRole).ToList();

        var current = await programmes.CurrentAsync();
        if (current is not null)
        {
            Programme = await db.OverviewAsync(current.Id, today);
            if (UserRoles.Any(r => r is Roles.Clinician or Roles.SocialWorker or Roles.KeyWorker or Roles.PeerSupportExpert or Roles.NetworkCoordinator or Roles.Funder))
            {
                PeopleInProgramme = await db.PeopleInProgrammeAsync(current.Id);
            }
        }

        MyOrganisations = await db.MyOrganisationsAsync(userId, today);
        if (UserRoles.Any(r => r is Roles.Clinician or Roles.SocialWorker or Roles.KeyWorker or Roles.PeerSupportExpert or Roles.Volunteer or Roles.FrontDesk))
        {
            Colleagues = await db.ColleaguesAsync(userId, today);
        }

        if (Has(Roles.Beneficiary))
        {
            OwnRecord = await db.OwnRecordAsync(userId);
        }

        if (Has(Roles.Administrator))
        {
            Users = await db.UserStatisticsAsync(now);
        }
    }
}
