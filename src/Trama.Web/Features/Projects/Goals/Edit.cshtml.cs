using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trama.Web.Data;

namespace Trama.Web.Features.Projects.Goals;

/// Changes a goal. Two people changing it at once: the second save is refused and both versions
/// are shown side by side, nothing is overwritten.
public sealed class EditModel(AppDbContext db, ProjectAccess access, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public GoalInput Input { get; set; } = new();

    public HealthBudgetProject Project { get; private set; } = null!;

    public IReadOnlyList<LifeArea> Areas { get; private set; } = [];

    public Goal Goal { get; private set; } = null!;

    /// Set when someone else saved the goal meanwhile: their version, shown beside this user's.
    public Goal? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid goalId)
    {
        if (await LoadAsync(id, goalId) is { } refused)
        {
            return refused;
        }

        Input = GoalInput.Of(Goal);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid goalId)
    {
        if (await LoadAsync(id, goalId) is { } refused)
        {
            return refused;
        }

        if (Input.Version != Goal.Version)
        {
            return Refuse();
        }

        if (Areas.All(a => a.Id != Input.LifeAreaId))
        {
            ModelState.AddModelError("Input.LifeAreaId", l["Validation.Required", l["Projects.Goals.Area"]]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Input.ApplyTo(Goal);
        Goal.Version = Guid.NewGuid();
        Project.Touch();
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id, goalId);
            return Refuse();
        }

        TempData["Status"] = l["Projects.Goals.Saved"].Value;
        return Redirect(Url.Content($"~/Projects/{id}#plan"));
    }

    private PageResult Refuse()
    {
        // What this user typed stays in the form, now carrying the current version, so saving
        // again is a deliberate choice made with the other version in sight.
        ModelState.AddModelError(string.Empty, l["Projects.Conflict.SideBySide"]);
        Saved = Goal;
        ModelState.Remove("Input.Version");
        Input.Version = Goal.Version;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid goalId)
    {
        var (grant, refusal) = await access.ForWorkAsync(User, id);
        if (grant is null)
        {
            return refusal;
        }

        Project = grant.Project;
        var goal = await db.Goals.Include(g => g.LifeArea).SingleOrDefaultAsync(g => g.Id == goalId && g.ProjectId == id);
        if (goal is null)
        {
            return NotFound();
        }

        if (!ProjectLifecycle.IsOpen(Project.State))
        {
            return Forbid();
        }

        Goal = goal;
        Areas = await db.LifeAreas.AsNoTracking().Where(a => a.ProgrammeId == grant.Project.ProgrammeId).OrderBy(a => a.SortOrder).ToListAsync();
        return null;
    }
}
