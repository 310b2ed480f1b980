using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trama.Web.Data;

namespace Trama.Web.Features.Projects.Diary;

/// Quick diary entry, built for a phone: sensible defaults, one column, one tap to save.
public sealed class NewModel(AppDbContext db, ProjectAccess access, IStringLocalizer<SharedResource> l) : PageModel
{
    public static readonly int[] CommonDurations = [15, 30, 45, 60, 90, 120, 180, 240];

    [BindProperty]
    public DiaryInput Input { get; set; } = new();

    public HealthBudgetProject Project { get; private set; } = null!;

    public IReadOnlyList<LifeArea> Areas { get; private set; } = [];

    public IReadOnlyList<Goal> Goals { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await GrantAsync(id) is { } refused)
        {
            return refused;
        }

        await LoadChoicesAsync();
        Input.OccurredOn = access.Today;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await GrantAsync(id) is { } refused)
        {
            return refused;
        }

        if (Input.OccurredOn is { } on && (on < Project.ReferredOn || on > access.Today))
        {
            ModelState.AddModelError("Input.OccurredOn", l["Projects.Diary.DateRange"]);
        }

        // Most entries name no area or goal: the lists are read only to show the form again.
        if (Input.LifeAreaId is { } area && !await db.LifeAreas.AnyAsync(a => a.Id == area && a.ProgrammeId == Project.ProgrammeId))
        {
            ModelState.AddModelError("Input.LifeAreaId", l["Validation.ValueInvalid", area]);
        }

        if (Input.GoalId is { } goal && !await db.Goals.AnyAsync(g => g.Id == goal && g.ProjectId == id))
        {
            ModelState.AddModelError("Input.GoalId", l["Validation.ValueInvalid", goal]);
        }

        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync();
            return Page();
        }

        db.DiaryEntries.Add(new DiaryEntry
        {
            ProjectId = id,
            Type = Input.Type,
            OccurredOn = Input.OccurredOn!.Value,
            DurationMinutes = Input.DurationMinutes,
            LifeAreaId = Input.LifeAreaId,
            GoalId = Input.GoalId,
            Notes = Input.Notes.Trim(),
            Sensitivity = Input.Sensitivity,
            AuthorUserId = Viewer.Of(User).UserId,
            CreatedAtUtc = access.NowUtc,
        });
        await db.SaveChangesAsync();
        TempData["Status"] = l["Projects.Diary.Added"].Value;
        return RedirectToPage("/Projects/Details", null, new { id }, "diary");
    }

    private async Task<IActionResult?> GrantAsync(Guid id)
    {
        var (grant, refusal) = await access.ForWorkAsync(User, id, diaryOnly: true);
        if (grant is null)
        {
            return refusal;
        }

        Project = grant.Project;
        return null;
    }

    private async Task LoadChoicesAsync()
    {
        Areas = await db.LifeAreas.AsNoTracking().Where(a => a.ProgrammeId == Project.ProgrammeId).OrderBy(a => a.SortOrder).ToListAsync();
        Goals = await db.Goals.AsNoTracking().Where(g => g.ProjectId == Project.Id).OrderBy(g => g.CreatedAtUtc).ToListAsync();
    }

    public sealed class DiaryInput
    {
        [Display(Name = "Projects.Diary.Type")]
        public DiaryEntryType Type { get; set; } = DiaryEntryType.RehabilitationActivity;

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Projects.Diary.Date")]
        public DateOnly? OccurredOn { get; set; }

        [Range(1, 1440, ErrorMessage = "Validation.Range")]
        [Display(Name = "Projects.Diary.Duration")]
        public int DurationMinutes { get; set; } = 60;

        [Display(Name = "Projects.Diary.Area")]
        public Guid? LifeAreaId { get; set; }

        [Display(Name = "Projects.Diary.Goal")]
        public Guid? GoalId { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Projects.Diary.Notes")]
        public string Notes { get; set; } = string.Empty;

        [Display(Name = "Projects.Diary.Sensitivity")]
        public Sensitivity Sensitivity { get; set; }
    }
}
