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
public sealed class ProgrammeModel(AppDbContext db, ProgrammeContext programmes) : PageModel
{
    public ProgrammeSummary? Current { get; private set; }

    public IReadOnlyList<LifeArea> Areas { get; private set; } = [];

    public BudgetSummary Summary { get; private set; } = new([]);

    public int ProjectsWithBudget { get; private set; }

    public int NearlySpent { get; private set; }

    public int Exhausted { get; private set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

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

        var id = Current.Id;
        Areas = await db.LifeAreas.AsNoTracking().Where(a => a.ProgrammeId == id).OrderBy(a => a.SortOrder).ToListAsync();
        var lines = db.BudgetLines.AsNoTracking().Where(b => db.Projects.Any(p => p.Id == b.ProjectId && p.ProgrammeId == id));
        var ledger = db.LedgerEntries.AsNoTracking().Where(e => db.Projects.Any(p => p.Id == e.ProjectId && p.ProgrammeId == id));
        var spentYears = await ledger.Select(e => e.SpentOn.Year).Distinct().ToListAsync();
        Years = spentYears.OrderByDescending(y => y).ToList();
        if (Year is { } year)
        {
            if (year is < 2000 or > 2100)
            {
                return BadRequest();
            }

            var first = new DateOnly(year, 1, 1);
            var last = new DateOnly(year, 12, 31);
            lines = lines.Where(b => b.PeriodStart == null || (b.PeriodStart <= last && (b.PeriodEnd == null || b.PeriodEnd >= first)));
            ledger = ledger.Where(e => e.SpentOn >= first && e.SpentOn <= last);
        }

        var planned = await lines.GroupBy(b => new { b.LifeAreaId, b.Source })
            .Select(g => new { g.Key.LifeAreaId, g.Key.Source, Planned = g.Sum(b => b.PlannedCents), Committed = g.Sum(b => b.CommittedCents) }).ToListAsync();
        var spent = await ledger.GroupBy(e => new { e.LifeAreaId, e.Source })
            .Select(g => new { g.Key.LifeAreaId, g.Key.Source, Amount = g.Sum(e => e.AmountCents) }).ToListAsync();
        Summary = BudgetSummary.Compute(
            planned.Select(p => (p.LifeAreaId, p.Source, p.Planned, p.Committed)),
            spent.Select(s => (s.LifeAreaId, s.Source, s.Amount)));

        // A project is flagged by its worst line, as on its own budget page.
        var plannedCells = await lines.GroupBy(b => new { b.ProjectId, b.LifeAreaId, b.Source }).Select(g => new { g.Key, Cents = g.Sum(b => b.PlannedCents) }).ToListAsync();
        var spentCells = await ledger.GroupBy(e => new { e.ProjectId, e.LifeAreaId, e.Source }).Select(g => new { g.Key, Cents = g.Sum(e => e.AmountCents) }).ToListAsync();
        var cells = plannedCells.Select(c => (c.Key.ProjectId, c.Key.LifeAreaId, c.Key.Source, Planned: c.Cents, Spent: 0L))
            .Concat(spentCells.Select(c => (c.Key.ProjectId, c.Key.LifeAreaId, c.Key.Source, Planned: 0L, Spent: c.Cents)));
        var alerts = cells.GroupBy(c => (c.ProjectId, c.LifeAreaId, c.Source))
            .Select(g => (g.Key.ProjectId, Alert: BudgetSummary.AlertFor(g.Sum(c => c.Planned), g.Sum(c => c.Spent))))
            .GroupBy(c => c.ProjectId)
            .Select(g => g.Max(c => c.Alert))
            .ToList();
        ProjectsWithBudget = alerts.Count;
        NearlySpent = alerts.Count(a => a == BudgetAlert.NearlySpent);
        Exhausted = alerts.Count(a => a == BudgetAlert.Exhausted);
        return Page();
    }
}
