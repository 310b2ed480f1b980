using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Trama.Web.Data;
using Trama.Web.Features.Account;
using Trama.Web.Features.Programmes;
using Trama.Web.Features.Projects;

namespace Trama.Web.Features.Budget;

/// The current programme's budget in total: planned, committed and spent per life area and
/// source, for a year or for all time. Sums only, never a person: coordinators and funders see
/// aggregates (ProjectQueries), and the sums are of the same cents the ledger holds.
[Authorize(Roles = $"{Roles.Administrator},{Roles.NetworkCoordinator},{Roles.Funder},{Roles.Clinician},{Roles.SocialWorker}")]
public sealed class ProgrammeModel(AppDbContext db, ProgrammeContext programmes, ProgrammeBudgetFigures budget) : PageModel
{
    public ProgrammeSummary? Current { get; private set; }

    public IReadOnlyList<LifeArea> Areas { get; private set; } = [];

    public BudgetSummary Summary { get; private set; } = new([]);

    public int ProjectsWithBudget { get; private set; }

    public int NearlySpent { get; private set; }

    public int Exhausted { get; private set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public DateTime ComputedAtUtc { get; private set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public string AreaName(Guid id) => Areas.FirstOrDefault(a => a.Id == id)?.Name(System.Globalization.CultureInfo.CurrentUICulture) ?? "–";

    public async Task<IActionResult> OnGetAsync()
    {
        Current = await programmes.CurrentAsync();
        if (Current is null)
        {
            return Page();
        }

        if (Year is < 2000 or > 2100)
        {
            return BadRequest();
        }

        Areas = await db.LifeAreas.AsNoTracking().Where(a => a.ProgrammeId == Current.Id).OrderBy(a => a.SortOrder).ToListAsync();
        var figures = await budget.ForAsync(Current.Id, Year);
        Years = figures.Years;
        Summary = figures.Summary;
        ProjectsWithBudget = figures.ProjectsWithBudget;
        NearlySpent = figures.NearlySpent;
        Exhausted = figures.Exhausted;
        ComputedAtUtc = figures.ComputedAtUtc;
        return Page();
    }
}
