using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Trama.Web.Data;
using Trama.Web.Features.Budget;

namespace Trama.Web.Features.Projects;

/// The care agreement (patto di cura) as a printable A4 document in Italian, generated from the
/// plan: wishes, goals, who does what, budget by source, reviews, crisis plan and signatures.
public sealed class AgreementModel(AppDbContext db, ProjectAccess access) : PageModel
{
    public sealed record Member(string Name, CareTeamRole Role, string? Organisation);

    public HealthBudgetProject Project { get; private set; } = null!;

    public IReadOnlyList<Goal> Goals { get; private set; } = [];

    public IReadOnlyList<Member> Team { get; private set; } = [];

    public IReadOnlyList<(FundingSource Source, long PlannedCents)> Budget { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public bool ShowsAssessment { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var grant = await access.FindAsync(User, id, q => q.Include(p => p.MentalHealthCentre).Include(p => p.Programme));
        if (grant is null)
        {
            return NotFound();
        }

        Project = grant.Project;
        ShowsAssessment = grant.ShowsAssessment;
        Today = access.Today;
        Goals = await db.Goals.AsNoTracking().Include(g => g.LifeArea).Where(g => g.ProjectId == id).OrderBy(g => g.LifeArea.SortOrder).ToListAsync();
        var members = await db.CareTeamMembers.AsNoTracking().Where(m => m.ProjectId == id && (m.EndsOn == null || m.EndsOn >= Today))
            .Select(m => new
            {
                Name = m.User != null ? m.User.DisplayName : m.Name!,
                m.Role,
                Organisation = m.User != null ? m.User.Memberships.Where(x => x.EndsOn == null || x.EndsOn >= Today).Select(x => x.Organisation.Name).FirstOrDefault() : null,
            })
            .ToListAsync();
        Team = members.OrderBy(m => m.Role).Select(m => new Member(m.Name, m.Role, m.Organisation)).ToList();
        Budget = (await db.BudgetLines.AsNoTracking().Where(b => b.ProjectId == id).Select(b => new { b.Source, b.PlannedCents }).ToListAsync())
            .GroupBy(b => b.Source).OrderBy(g => g.Key).Select(g => (g.Key, g.Sum(b => b.PlannedCents))).ToList();
        return Page();
    }
}
