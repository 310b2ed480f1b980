using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trama.Web.Data;

namespace Trama.Web.Features.Projects.Reviews;

/// A review: every goal rated on its GAS scale, a narrative and a proposed decision. The
/// T-score is computed on save; the CPS then continues, remodels or closes the project.
public sealed class NewModel(AppDbContext db, ProjectAccess access, IStringLocalizer<SharedResource> l) : PageModel
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

        foreach (var goal in Goals)
        {
            if (!Input.Ratings.TryGetValue(goal.Id, out var level) || level is < -2 or > 2)
            {
                ModelState.AddModelError($"Input.Ratings[{goal.Id}]", l["Projects.Reviews.RatingRequired", goal.Title]);
            }
        }

        if (Input.HeldOn is { } held && (held < (Project.StartedOn ?? Project.ReferredOn) || held > access.Today))
        {
            ModelState.AddModelError("Input.HeldOn", l["Projects.Reviews.DateRange"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var ratings = Goals.Select(g => new GoalRating { GoalId = g.Id, Level = Input.Ratings[g.Id] }).ToList();
        var review = new Review
        {
            ProjectId = id,
            HeldOn = Input.HeldOn!.Value,
            Narrative = Input.Narrative.Trim(),
            Decision = Input.Decision,
            RecordedByUserId = Viewer.Of(User).UserId,
            TScore = GoalAttainment.TScore(Goals.Select(g => new GoalScore(Input.Ratings[g.Id], g.Weight)).ToList()),
        };
        review.Ratings.AddRange(ratings);
        db.Reviews.Add(review);
        Project.Touch();

        // The review's decision is the CPS's: recorded by the CPS, it moves the project on at once
        // (closing still asks for its reason on the project page); recorded by anyone else, it is a
        // proposal the CPS confirms there.
        var next = Input.Decision switch
        {
            ReviewDecision.Continue => ProjectAction.ContinueAfterReview,
            ReviewDecision.ChangeIntensity => ProjectAction.Remodel,
            _ => (ProjectAction?)null,
        };
        if (next is { } action && grant!.IsCps)
        {
            var notAllowed = await access.TakeAsync(grant, action, l[$"ReviewDecision.{Input.Decision}"], null, l);
            if (notAllowed is not null)
            {
                ModelState.AddModelError(string.Empty, l[notAllowed]);
                return Page();
            }
        }

        await db.SaveChangesAsync();
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
