using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trama.Web.Data;

namespace Trama.Web.Features.Projects.Goals;

/// A goal written with the person, with the five GAS levels.
public sealed class NewModel(AppDbContext db, ProjectAccess access, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public GoalInput Input { get; set; } = new();

    public HealthBudgetProject Project { get; private set; } = null!;

    public IReadOnlyList<LifeArea> Areas { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        if (Areas.All(a => a.Id != Input.LifeAreaId))
        {
            ModelState.AddModelError("Input.LifeAreaId", l["Validation.Required", l["Projects.Goals.Area"]]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var goal = new Goal
        {
            ProjectId = id,
            Title = string.Empty,
            MuchLess = string.Empty,
            Less = string.Empty,
            Expected = string.Empty,
            More = string.Empty,
            MuchMore = string.Empty,
            CreatedAtUtc = access.NowUtc,
        };
        Input.ApplyTo(goal);
        db.Goals.Add(goal);
        Project.Touch();
        await db.SaveChangesAsync();
        TempData["Status"] = l["Projects.Goals.Added"].Value;
        return RedirectToPage("/Projects/Details", new { id });
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var (grant, refusal) = await access.ForWorkAsync(User, id);
        if (grant is null)
        {
            return refusal;
        }

        Project = grant.Project;
        Areas = await db.LifeAreas.AsNoTracking().Where(a => a.ProgrammeId == grant.Project.ProgrammeId).OrderBy(a => a.SortOrder).ToListAsync();
        return null;
    }
}
