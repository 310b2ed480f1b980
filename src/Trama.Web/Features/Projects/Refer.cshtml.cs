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
public sealed class ReferModel(AppDbContext db, ProgrammeContext programmes, ReferralIntake intake, Referrals.ReferralDesk desk, Audit.AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    /// The network referral a CPS accepted and now takes in as the project's referral stage.
    [BindProperty(SupportsGet = true)]
    public Guid? FromReferral { get; set; }

    public Referrals.Referral? NetworkReferral { get; private set; }

    public sealed record Choice(Guid Id, string Name);

    [BindProperty]
    public ReferralInput Input { get; set; } = new();

    public IReadOnlyList<Choice> Centres { get; private set; } = [];

    /// Set when the person seems to be registered already; the referrer confirms to reuse them.
    public string? ExistingCode { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Input.ReferredOn = Infrastructure.ItalianTime.Today(clock);
        if (FromReferral is not null)
        {
            if (await NetworkReferralAsync() is not { } r)
            {
                return NotFound();
            }

            Input.GivenName = r.GivenName;
            Input.FamilyName = r.FamilyName;
            Input.Phone = r.Contact.Contains('@', StringComparison.Ordinal) ? null : r.Contact;
            Input.ReferralSource = l["Projects.Refer.FromNetwork", r.FromOrganisation.Name].Value;
            Input.ReferralReason = r.Reason;
            Input.Urgency = r.Urgency switch
            {
                Referrals.ReferralUrgency.Urgent => ReferralUrgency.Urgent,
                Referrals.ReferralUrgency.Soon => ReferralUrgency.Priority,
                _ => ReferralUrgency.Routine,
            };
            Input.MentalHealthCentreId = r.Service.OrganisationId;
            Input.ReferredOn = Infrastructure.ItalianTime.DateOf(r.CreatedAtUtc);
        }

        return await ShowAsync();
    }

    /// The accepted referral to one of the user's CPS services, not yet taken into a project.
    private async Task<Referrals.Referral?> NetworkReferralAsync()
    {
        var visible = await desk.VisibleAsync();
        var referral = await visible.Include(r => r.Service).ThenInclude(s => s.Organisation).Include(r => r.FromOrganisation).Include(r => r.Events)
            .SingleOrDefaultAsync(r => r.Id == FromReferral && r.ProjectId == null
                && (r.State == Referrals.ReferralState.Accepted || r.State == Referrals.ReferralState.InProgress)
                && r.Service.Organisation.Kind == OrganisationKind.MentalHealthCentre);
        if (referral is null || await desk.SideAsync(referral) != Referrals.ReferralSide.Receiver)
        {
            return null;
        }

        await audit.RecordReadAsync(nameof(Referrals.Referral), referral.Id.ToString(), null);
        return NetworkReferral = referral;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var programme = await programmes.CurrentAsync();
        if (programme is null)
        {
            return NotFound();
        }

        Action<HealthBudgetProject>? alongside = null;
        if (FromReferral is not null)
        {
            if (await NetworkReferralAsync() is not { } r)
            {
                return NotFound();
            }

            // The referral goes on inside the project: its person and project are known from now on.
            alongside = project =>
            {
                r.ProjectId = project.Id;
                r.PersonId = project.Person.Id;
                if (r.State == Referrals.ReferralState.Accepted)
                {
                    desk.Move(r, Referrals.ReferralSide.Receiver, Referrals.ReferralAction.Start, null, r.Version);
                }
                else
                {
                    r.Version = Guid.NewGuid();
                }
            };
        }

        var (project, existingCode) = await intake.TakeAsync(Input, programme, User, ModelState, nameof(Input), alongside);
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
