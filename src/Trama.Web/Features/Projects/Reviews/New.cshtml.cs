using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trama.Web.Data;

namespace Trama.Web.Features.Projects.Reviews;

/// A review: every goal rated on its GAS scale, a narrative and a proposed decision. The
/// T-score is computed on save; the CPS then continues, remodels or closes the project.
public sealed class NewModel(AppDbContext db, ProjectAccess access, ReviewRecording recording, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public ReviewInput Input { get; set; } = new();

    public HealthBudgetProject Project { get; private set; } = null!;

    public IReadOnlyList<Goal> Goals { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var refused = await LoadAsync(id);
        Input.HeldOn = access.Today;
        return refused ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        var (review, errors) = ModelState.IsValid
            ? await recording.RecordAsync(grant!, Goals, Input.HeldOn, Input.Narrative, Input.Decision, Input.Ratings)
            : new ReviewRecording.Outcome(null, recording.Check(grant!, Goals, Input.HeldOn, Input.Narrative, Input.Decision, Input.Ratings));
        foreach (var (key, message) in errors)
        {
            var field = key.StartsWith("rating:", StringComparison.Ordinal) ? $"Input.Ratings[{key[7..]}]"
                : key.Length == 0 ? string.Empty
                : $"Input.{char.ToUpperInvariant(key[0])}{key[1..]}";
            if (ModelState.GetFieldValidationState(field) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            {
                ModelState.AddModelError(field, message);
            }
        }

        if (review is null)
        {
            return Page();
        }

        TempData["Status"] = l["Projects.Reviews.Added", review.TScore?.ToString("0.0", System.Globalization.CultureInfo.CurrentCulture) ?? "–"].Value;
        return RedirectToPage("/Projects/Details", null, new { id }, "reviews");
    }

    private ProjectAccess.Grant? grant;

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var grant = await access.FindAsync(User, id);
        if (grant is null)
        {
            return NotFound();
        }

        this.grant = grant;
        if (!grant.CanWork || grant.Project.State != ProjectState.UnderReview)
        {
            return Forbid();
        }

        Project = grant.Project;
        Goals = await db.Goals.AsNoTracking().Include(g => g.LifeArea).Where(g => g.ProjectId == id).OrderBy(g => g.LifeArea.SortOrder).ThenBy(g => g.CreatedAtUtc).ToListAsync();
        return Goals.Count == 0 ? Forbid() : null;
    }

    public sealed class ReviewInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Projects.Reviews.HeldOn")]
        public DateOnly? HeldOn { get; set; }

        public Dictionary<Guid, int> Ratings { get; set; } = [];

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Projects.Reviews.Narrative")]
        public string Narrative { get; set; } = string.Empty;

        [Display(Name = "Projects.Reviews.Decision")]
        public ReviewDecision Decision { get; set; }
    }
}
