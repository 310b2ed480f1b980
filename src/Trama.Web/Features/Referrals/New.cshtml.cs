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
public sealed class NewModel(AppDbContext db, ReferralDesk desk, IStringLocalizer<SharedResource> l) : PageModel
{
    public DirectoryService Service { get; private set; } = null!;

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

    private async Task<IActionResult?> LoadAsync(Guid service, CancellationToken cancellationToken)
    {
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
        return From.Count == 0 ? Forbid() : null;
    }

    public async Task<IActionResult> OnGetAsync(Guid service, CancellationToken cancellationToken)
    {
        if (await LoadAsync(service, cancellationToken) is { } refused)
        {
            return refused;
        }

        Input.FromOrganisationId = From[0].Id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid service, CancellationToken cancellationToken)
    {
        if (await LoadAsync(service, cancellationToken) is { } refused)
        {
            return refused;
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
        await db.SaveChangesAsync(cancellationToken);
        TempData["Status"] = l["Referrals.Sent", Service.Name].Value;
        return RedirectToPage("Details", new { id = referral.Id });
    }
}
