using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trama.Web.Data;
using Trama.Web.Features.ServiceDirectory;

namespace Trama.Web.Features.Referrals;

/// Sends a person to a service of the guide, with their consent (or a typed reason to share anyway).
[Authorize(Roles = ReferralDesk.ReferrerRoles)]
public sealed class NewModel(AppDbContext db, ReferralDesk desk, Projects.ProjectAccess access, IStringLocalizer<SharedResource> l) : PageModel
{
    public DirectoryService Service { get; private set; } = null!;

    /// The Budget di Salute project the person is referred from, when they are in Trama.
    public Projects.HealthBudgetProject? Project { get; private set; }

    /// When the person's consent to sharing with this organisation is on record: no box to tick.
    public DateOnly? SharingConsentOn { get; private set; }

    public IReadOnlyList<(Guid Id, string Name)> From { get; private set; } = [];

    [BindProperty]
    public ReferralInput Input { get; set; } = new();

    public sealed class ReferralInput
    {
        [Display(Name = "Referrals.GivenName")]
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(100, ErrorMessage = "Validation.MaxLength")]
        public string? GivenName { get; set; }

        [Display(Name = "Referrals.FamilyName")]
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(100, ErrorMessage = "Validation.MaxLength")]
        public string? FamilyName { get; set; }

        [Display(Name = "Referrals.Contact")]
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        public string? Contact { get; set; }

        [Display(Name = "Referrals.Reason")]
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(1000, ErrorMessage = "Validation.MaxLength")]
        public string? Reason { get; set; }

        [Display(Name = "Referrals.Urgency")]
        public ReferralUrgency Urgency { get; set; }

        [Display(Name = "Referrals.Note")]
        [StringLength(2000, ErrorMessage = "Validation.MaxLength")]
        public string? Note { get; set; }

        [Display(Name = "Referrals.ConsentGiven")]
        public bool ConsentGiven { get; set; }

        [Display(Name = "Referrals.ConsentOverride")]
        [StringLength(1000, ErrorMessage = "Validation.MaxLength")]
        public string? ConsentOverride { get; set; }

        [Display(Name = "Referrals.FromOrganisation")]
        public Guid FromOrganisationId { get; set; }
    }

    private async Task<IActionResult?> LoadAsync(Guid service, Guid? project, CancellationToken cancellationToken)
    {
        if (project is { } projectId)
        {
            // Care-team scope: only who works on the project may send its person on.
            var grant = await access.FindAsync(User, projectId);
            if (grant is null || !grant.CanWork)
            {
                return NotFound();
            }

            Project = grant.Project;
        }

        var found = await db.DirectoryServices.Include(s => s.Organisation)
            .SingleOrDefaultAsync(s => s.Id == service && s.AcceptsReferrals && s.Status == ServiceStatus.Active, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        Service = found;
        var mine = await desk.OrganisationsAsync(cancellationToken);
        From = (await db.Organisations.Where(o => mine.Contains(o.Id)).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken))
            .Select(o => (o.Id, o.Name)).ToList();
        if (From.Count == 0)
        {
            return Forbid();
        }

        if (Project is not null)
        {
            var organisation = found.OrganisationId;
            var consents = await db.Consents.AsNoTracking()
                .Where(c => c.PersonId == Project.PersonId && c.Purpose == People.ConsentPurpose.SharingWithPartners && (c.OrganisationId == null || c.OrganisationId == organisation))
                .Select(c => new { c.Given, c.StatedOn, c.RecordedAtUtc, c.OrganisationId })
                .ToListAsync(cancellationToken);

            // The statement in force: the latest about this organisation, else the latest general one.
            var inForce = consents.Where(c => c.OrganisationId == organisation).MaxBy(c => c.RecordedAtUtc) ?? consents.Where(c => c.OrganisationId == null).MaxBy(c => c.RecordedAtUtc);
            SharingConsentOn = inForce is { Given: true } ? inForce.StatedOn : null;
        }

        return null;
    }

    public async Task<IActionResult> OnGetAsync(Guid service, Guid? project, CancellationToken cancellationToken)
    {
        if (await LoadAsync(service, project, cancellationToken) is { } refused)
        {
            return refused;
        }

        Input.FromOrganisationId = From[0].Id;
        if (Project?.Person is { } person)
        {
            Input.GivenName = person.GivenName;
            Input.FamilyName = person.FamilyName;
            Input.Contact = person.Phone ?? person.Email;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid service, Guid? project, CancellationToken cancellationToken)
    {
        if (await LoadAsync(service, project, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (SharingConsentOn is not null)
        {
            Input.ConsentGiven = true;
            Input.ConsentOverride = null;
        }

        foreach (var (field, message) in desk.Check(Input, From.Select(f => f.Id)))
        {
            ModelState.AddModelError($"{nameof(Input)}.{field}", message);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var referral = desk.Send(Service, Input);
        referral.PersonId = Project?.PersonId;
        referral.ProjectId = Project?.Id;
        await db.SaveChangesAsync(cancellationToken);
        TempData["Status"] = l["Referrals.Sent", Service.Name].Value;
        return RedirectToPage("Details", new { id = referral.Id });
    }
}
