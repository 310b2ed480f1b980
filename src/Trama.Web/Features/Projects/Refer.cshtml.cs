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
public sealed class ReferModel(AppDbContext db, ProgrammeContext programmes, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
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

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        if (Input.ReferredOn > today)
        {
            ModelState.AddModelError("Input.ReferredOn", l["Validation.NotInFuture", l["Projects.ReferredOn"]]);
        }

        var fiscalCode = Input.Check(ModelState, nameof(Input), l, today);

        var centre = await db.Organisations.AsNoTracking()
            .Where(o => o.Id == Input.MentalHealthCentreId && o.Kind == OrganisationKind.MentalHealthCentre && o.Programmes.Any(pp => pp.ProgrammeId == programme.Id))
            .Select(o => (Guid?)o.Id).SingleOrDefaultAsync();
        if (centre is null)
        {
            ModelState.Remove("Input.MentalHealthCentreId");
            ModelState.AddModelError("Input.MentalHealthCentreId", l["Validation.Required", l["Projects.Centre"]]);
        }

        if (!ModelState.IsValid)
        {
            return await ShowAsync();
        }

        var normalised = Person.Normalise(Input.FamilyName, Input.GivenName);
        var existing = await db.People
            .Where(p => (fiscalCode != null && p.FiscalCode == fiscalCode) || (p.NormalisedName == normalised && Input.BirthDate != null && p.BirthDate == Input.BirthDate))
            .FirstOrDefaultAsync();
        if (existing is not null && !Input.UseExistingPerson)
        {
            ExistingCode = existing.PseudonymousCode;
            ModelState.AddModelError(string.Empty, l["Projects.Refer.Duplicate", existing.PseudonymousCode]);
            return await ShowAsync();
        }

        var person = existing ?? new Person
        {
            PseudonymousCode = await NextCodeAsync(programme),
            GivenName = Input.GivenName.Trim(),
            FamilyName = Input.FamilyName.Trim(),
            NormalisedName = normalised,
            BirthDate = Input.BirthDate,
            Sex = Input.Sex,
            FiscalCode = fiscalCode,
            Phone = Input.Phone?.Trim(),
            ProgrammeId = programme.Id,
        };
        var project = new HealthBudgetProject
        {
            ProgrammeId = programme.Id,
            Person = person,
            MentalHealthCentreId = centre!.Value,
            ReferredOn = Input.ReferredOn,
            ReferralSource = Input.ReferralSource.Trim(),
            ReferralReason = Input.ReferralReason.Trim(),
            Urgency = Input.Urgency,
            CreatedAtUtc = now,
        };
        project.Team.Add(new CareTeamMember { UserId = Viewer.Of(User).UserId, Role = RoleOnTeam(), StartsOn = today });
        db.Projects.Add(project);
        if (Input.SharingConsent)
        {
            foreach (var purpose in new[] { ConsentPurpose.Dossier, ConsentPurpose.SharingWithPartners })
            {
                db.Consents.Add(new Consent
                {
                    PersonId = person.Id,
                    Purpose = purpose,
                    Given = true,
                    StatedOn = Input.ReferredOn,
                    NoticeVersion = Consent.DefaultNotice,
                    RecordedByUserId = Viewer.Of(User).UserId,
                    RecordedAtUtc = now,
                });
            }
        }

        await db.SaveChangesAsync();
        TempData["Status"] = l["Projects.Refer.Done", person.PseudonymousCode].Value;
        return RedirectToPage("Details", new { id = project.Id });
    }

    private CareTeamRole RoleOnTeam() =>
        User.IsInRole(Roles.Clinician) ? CareTeamRole.CpsReferent
        : User.IsInRole(Roles.SocialWorker) ? CareTeamRole.SocialWorker
        : User.IsInRole(Roles.KeyWorker) ? CareTeamRole.KeyWorker
        : CareTeamRole.PeerSupportExpert;

    private async Task<string> NextCodeAsync(ProgrammeSummary programme)
    {
        var prefix = programme.Code.Length >= 3 ? programme.Code[..3] : programme.Code;
        var codes = await db.People.Where(p => p.PseudonymousCode.StartsWith(prefix + "-")).Select(p => p.PseudonymousCode).ToListAsync();
        var next = codes.Select(c => int.TryParse(c.AsSpan(prefix.Length + 1), out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;
        return $"{prefix}-{next:0000}";
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
