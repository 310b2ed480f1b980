using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trama.Web.Data;
using Trama.Web.Features.Account;
using Trama.Web.Features.Organisations;
using Trama.Web.Features.People;
using Trama.Web.Features.Programmes;

namespace Trama.Web.Features.Projects;

/// A referral (segnalazione): the person, why, from whom, to which CPS. The CPS then selects.
[Authorize(Roles = $"{Roles.Clinician},{Roles.SocialWorker},{Roles.KeyWorker},{Roles.PeerSupportExpert}")]
public sealed class ReferModel(AppDbContext db, ProgrammeContext programmes, ReferralIntake intake, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Choice(Guid Id, string Name);

    [BindProperty]
    public ReferralInput Input { get; set; } = new();

    public IReadOnlyList<Choice> Centres { get; private set; } = [];

    /// Set when the person seems to be registered already; the referrer confirms to reuse them.
    public string? ExistingCode { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Input.ReferredOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var programme = await programmes.CurrentAsync();
        if (programme is null)
        {
            return NotFound();
        }

        var (project, existingCode) = await intake.TakeAsync(Input, programme, User, ModelState, nameof(Input));
        if (project is null)
        {
            ExistingCode = existingCode;
            return await ShowAsync();
        }

        TempData["Status"] = l["Projects.Refer.Done", project.Person.PseudonymousCode].Value;
        return RedirectToPage("Details", new { id = project.Id });
    }

    private async Task<PageResult> ShowAsync()
    {
        var programme = await programmes.CurrentAsync();
        Centres = programme is null ? [] : await db.Organisations.AsNoTracking()
            .Where(o => o.Kind == OrganisationKind.MentalHealthCentre && o.Programmes.Any(pp => pp.ProgrammeId == programme.Id))
            .OrderBy(o => o.Name)
            .Select(o => new Choice(o.Id, o.Name))
            .ToListAsync();
        return Page();
    }

    public sealed class ReferralInput : PersonFields
    {
        /// Consent is never assumed: the box starts unticked (GDPR art. 7; CJEU C-673/17 Planet49).
        [Display(Name = "Projects.Refer.SharingConsent")]
        public bool SharingConsent { get; set; }

        [Display(Name = "Projects.Centre")]
        public Guid MentalHealthCentreId { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Projects.ReferredOn")]
        public DateOnly ReferredOn { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Projects.ReferralSource")]
        public string ReferralSource { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(2000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Projects.ReferralReason")]
        public string ReferralReason { get; set; } = string.Empty;

        [Display(Name = "Projects.Urgency")]
        public ReferralUrgency Urgency { get; set; }

        public bool UseExistingPerson { get; set; }
    }
}
