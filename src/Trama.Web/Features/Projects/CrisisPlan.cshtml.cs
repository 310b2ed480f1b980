using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Trama.Web.Data;

namespace Trama.Web.Features.Projects;

/// The shared crisis plan: early signs, what helps, who to call.
public sealed class CrisisPlanModel(AppDbContext db, ProjectAccess access, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public CrisisInput Input { get; set; } = new();

    public HealthBudgetProject Project { get; private set; } = null!;

    /// Set when someone else saved the plan meanwhile: their version, shown beside this user's.
    public CrisisInput? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        Input = new CrisisInput { Signs = Project.CrisisSigns, WhatHelps = Project.CrisisWhatHelps, WhoToCall = Project.CrisisWhoToCall, Version = Project.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        if (Input.Version != Project.Version)
        {
            // Both versions side by side: what was saved meanwhile, and what this user typed (kept in
            // the form, now carrying the current version, so saving again is a deliberate choice).
            ModelState.AddModelError(string.Empty, l["Projects.Conflict.SideBySide"]);
            Saved = new CrisisInput { Signs = Project.CrisisSigns, WhatHelps = Project.CrisisWhatHelps, WhoToCall = Project.CrisisWhoToCall, Version = Project.Version };
            ModelState.Remove("Input.Version");
            Input.Version = Project.Version;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        if (string.IsNullOrWhiteSpace(Input.Signs) && string.IsNullOrWhiteSpace(Input.WhatHelps) && string.IsNullOrWhiteSpace(Input.WhoToCall))
        {
            ModelState.AddModelError(string.Empty, l["Projects.Crisis.Empty"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Project.CrisisSigns = Input.Signs?.Trim();
        Project.CrisisWhatHelps = Input.WhatHelps?.Trim();
        Project.CrisisWhoToCall = Input.WhoToCall?.Trim();
        Project.CrisisPlanUpdatedOn = access.Today;
        Project.Touch();
        await db.SaveChangesAsync();
        TempData["Status"] = l["Projects.Crisis.Saved"].Value;
        return Redirect(Url.Content($"~/Projects/{id}#crisis"));
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var (grant, refusal) = await access.ForWorkAsync(User, id);
        if (grant is null)
        {
            return refusal;
        }

        Project = grant.Project;
        return null;
    }

    public sealed class CrisisInput
    {
        [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Projects.Crisis.Signs")]
        public string? Signs { get; set; }

        [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Projects.Crisis.WhatHelps")]
        public string? WhatHelps { get; set; }

        [StringLength(2000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Projects.Crisis.WhoToCall")]
        public string? WhoToCall { get; set; }

        public Guid Version { get; set; }
    }
}
