using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Trama.Web.Data;
using Trama.Web.Features.People;
using Trama.Web.Features.Programmes;

namespace Trama.Web.Features.Projects;

public sealed class IndexModel(AppDbContext db, ProgrammeContext programmes, ProjectFilterChoices filters, Audit.AuditTrail audit, TimeProvider clock) : PageModel
{
    public const int PageSize = 20;

    public sealed record Row(Guid Id, string Code, string FamilyName, string GivenName, string Centre, ProjectState State, Intensity? Intensity, DateOnly ReferredOn, DateOnly? NextReviewDue, bool Overdue);

    public sealed record Choice(Guid Id, string Name);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public ProjectState? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Centre { get; set; }

    [BindProperty(SupportsGet = true)]
    public Intensity? Intensity { get; set; }

    /// The case manager (or, where there is none, the CPS referent) on the team.
    [BindProperty(SupportsGet = true)]
    public string? Manager { get; set; }

    /// A life area the plan works on (a goal or a budget line in it).
    [BindProperty(SupportsGet = true)]
    public Guid? Area { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Sort { get; set; } = "referred";

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<ProjectFilterChoices.Centre> Centres { get; private set; } = [];

    public IReadOnlyList<ProjectFilterChoices.Manager> Managers { get; private set; } = [];

    public IReadOnlyList<Choice> Areas { get; private set; } = [];

    public int Total { get; private set; }

    public Guid ProgrammeId { get; private set; }

    public int Pages => Infrastructure.Pager.PagesFor(Total, PageSize);

    public async Task OnGetAsync()
    {
        var today = Infrastructure.ItalianTime.Today(clock);
        var programme = await programmes.CurrentAsync();
        ProgrammeId = programme?.Id ?? Guid.Empty;
        var viewer = Viewer.Of(User);
        if (programme is not null)
        {
            (Centres, Managers) = await filters.ForAsync(viewer, programme.Id, today);
        }

        var ui = System.Globalization.CultureInfo.CurrentUICulture;
        Areas = programme is null ? [] : (await db.LifeAreas.AsNoTracking().Where(a => a.ProgrammeId == programme.Id).OrderBy(a => a.SortOrder).ToListAsync())
            .Select(a => new Choice(a.Id, a.Name(ui))).ToList();

        var page = await ProjectListing.PageAsync(db, audit, viewer, today, query => Filtered(query, today), Sort, PageNumber, PageSize);
        (Total, PageNumber) = (page.Total, page.Number);
        Rows = page.Rows.Select(r => new Row(r.Id, r.Code, r.FamilyName, r.GivenName, r.Centre, r.State, r.Intensity, r.ReferredOn, r.NextReviewDue,
            ProjectLifecycle.IsReviewOverdue(r.NextReviewDue, r.State, today))).ToList();
    }

    /// The filters chosen, on the projects of the current programme (none without one).
    private IQueryable<HealthBudgetProject> Filtered(IQueryable<HealthBudgetProject> query, DateOnly today)
    {
        var programmeId = ProgrammeId;
        query = query.Where(p => p.ProgrammeId == programmeId);
        if (!string.IsNullOrWhiteSpace(Manager))
        {
            var manager = Manager;
            var managerRoles = ProjectFilterChoices.ManagerRoles;
            query = query.Where(p => p.Team.Any(m => m.UserId == manager && managerRoles.Contains(m.Role) && m.StartsOn <= today && (m.EndsOn == null || m.EndsOn >= today)));
        }

        if (Area is { } area)
        {
            query = query.Where(p => p.Goals.Any(g => g.LifeAreaId == area) || db.BudgetLines.Any(b => b.ProjectId == p.Id && b.LifeAreaId == area));
        }

        query = query.Matching(Q);

        if (State is { } state)
        {
            query = query.Where(p => p.State == state);
        }

        if (Centre is { } centre)
        {
            query = query.Where(p => p.MentalHealthCentreId == centre);
        }

        if (Intensity is { } intensity)
        {
            query = query.Where(p => p.Intensity == intensity);
        }

        return query;
    }

    public Dictionary<string, string?> RouteFor(int page) => new()
    {
        ["q"] = Q,
        ["state"] = State?.ToString(),
        ["centre"] = Centre?.ToString(),
        ["intensity"] = Intensity?.ToString(),
        ["manager"] = Manager,
        ["area"] = Area?.ToString(),
        ["sort"] = Sort,
        ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
