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

        db.Goals.Add(new Goal
        {
            ProjectId = id,
            LifeAreaId = Input.LifeAreaId,
            Title = Input.Title.Trim(),
            MuchLess = Input.MuchLess.Trim(),
            Less = Input.Less.Trim(),
            Expected = Input.Expected.Trim(),
            More = Input.More.Trim(),
            MuchMore = Input.MuchMore.Trim(),
            Weight = Input.Weight,
            CreatedAtUtc = access.NowUtc,
        });
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

    public sealed class GoalInput
    {
        [Display(Name = "Projects.Goals.Area")]
        public Guid LifeAreaId { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(500, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Projects.Goals.Title")]
        public string Title { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(500, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Projects.Goals.MuchLess")]
        public string MuchLess { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(500, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Projects.Goals.Less")]
        public string Less { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(500, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Projects.Goals.Expected")]
        public string Expected { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(500, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Projects.Goals.More")]
        public string More { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(500, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Projects.Goals.MuchMore")]
        public string MuchMore { get; set; } = string.Empty;

        public string ValueOf(string level) => level switch
        {
            nameof(MuchLess) => MuchLess,
            nameof(Less) => Less,
            nameof(Expected) => Expected,
            nameof(More) => More,
            _ => MuchMore,
        };

        [Range(1, 3, ErrorMessage = "Validation.Range")]
        [Display(Name = "Projects.Goals.WeightLabel")]
        public int Weight { get; set; } = 1;
    }
}
