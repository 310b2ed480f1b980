using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trama.Web.Data;
using Trama.Web.Features.Account;
using Trama.Web.Features.Programmes;
using Trama.Web.Features.Projects;

namespace Trama.Web.Features.Privacy;

/// Break-the-glass: a clinician opens a project outside their scope in an emergency. The reason
/// is typed in, the access is read-only for a few hours, audited, and flagged for review.
[Authorize(Roles = Roles.Clinician)]
public sealed class EmergencyModel(AppDbContext db, ProgrammeContext programmes, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public EmergencyInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var current = await programmes.CurrentAsync();
        var code = Input.Code.Trim().ToUpperInvariant();
        var project = current is null ? null : await db.Projects.AsNoTracking()
            .Where(p => p.ProgrammeId == current.Id && (p.Person.PseudonymousCode == code || p.Person.FiscalCode == code))
            .OrderByDescending(p => p.ReferredOn)
            .Select(p => new { p.Id })
            .FirstOrDefaultAsync();
        if (project is null)
        {
            ModelState.AddModelError("Input.Code", l["Privacy.Emergency.NotFound"]);
            return Page();
        }

        var viewer = Viewer.Of(User);
        var today = Infrastructure.ItalianTime.Today(clock);
        if (!await db.Projects.Where(p => p.Id == project.Id).VisibleOneTo(db, viewer, today).AnyAsync())
        {
            var now = clock.GetUtcNow().UtcDateTime;
            db.EmergencyAccesses.Add(new EmergencyAccess
            {
                ProjectId = project.Id,
                UserId = viewer.UserId,
                Reason = Input.Reason.Trim(),
                StartedAtUtc = now,
                EndsAtUtc = now + EmergencyAccess.Duration,
            });
            await db.SaveChangesAsync();
        }

        return Redirect(Url.Content($"~/Projects/{project.Id}"));
    }

    public sealed class EmergencyInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(40, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Privacy.Emergency.Code")]
        public string Code { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(1000, MinimumLength = 20, ErrorMessage = "Validation.Length")]
        [Display(Name = "Privacy.Emergency.Reason")]
        public string Reason { get; set; } = string.Empty;
    }
}
