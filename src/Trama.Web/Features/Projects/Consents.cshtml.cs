using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Trama.Web.Data;
using Trama.Web.Features.Budget;
using Trama.Web.Features.People;

namespace Trama.Web.Features.Projects;

/// The person's consents and notices, per purpose and organisation, with their history. Recording
/// a withdrawal takes effect on the next request of anyone on the team.
[RequestSizeLimit(12 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 12 * 1024 * 1024)]
public sealed class ConsentsModel(AppDbContext db, ProjectAccess access, Audit.AuditTrail audit, IOptions<Infrastructure.TramaOptions> options, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Row(Guid Id, ConsentPurpose Purpose, string? Organisation, bool Given, DateOnly StatedOn, string NoticeVersion, string RecordedBy, DateTime RecordedAtUtc, string? DocumentName);

    public sealed record Choice(Guid Id, string Name);

    public HealthBudgetProject Project { get; private set; } = null!;

    public bool CanRecord { get; private set; }

    /// The statement in force per purpose and organisation: the latest.
    public IReadOnlyList<Row> InForce { get; private set; } = [];

    public IReadOnlyList<Row> History { get; private set; } = [];

    public IReadOnlyList<Choice> Organisations { get; private set; } = [];

    [BindProperty]
    public ConsentInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id, record: false) is { } refused)
        {
            return refused;
        }

        Input.StatedOn = access.Today;
        return Page();
    }

    public async Task<IActionResult> OnGetDocumentAsync(Guid id, Guid consentId)
    {
        if (await LoadAsync(id, record: false) is { } refused)
        {
            return refused;
        }

        var consent = await db.Consents.AsNoTracking().SingleOrDefaultAsync(c => c.Id == consentId && c.PersonId == Project.PersonId && c.Document != null);
        if (consent is null)
        {
            return NotFound();
        }

        await audit.RecordReadAsync(nameof(Consent), consent.Id.ToString(), Project.PersonId);
        Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return File(consent.Document!, consent.DocumentContentType!, consent.DocumentName);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, IFormFile? document)
    {
        if (await LoadAsync(id, record: true) is { } refused)
        {
            return refused;
        }

        if (Input.StatedOn is { } on && (on > access.Today || on < Project.ReferredOn.AddYears(-5)))
        {
            ModelState.AddModelError("Input.StatedOn", l["Consents.DateRange"]);
        }

        if (Input.OrganisationId is { } org && Organisations.All(o => o.Id != org))
        {
            ModelState.AddModelError("Input.OrganisationId", l["Validation.ValueInvalidHere"]);
        }

        var file = await Upload.ReadAsync(document, options.Value.Security.MaxUploadBytes, "document", ModelState, l);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.Consents.Add(new Consent
        {
            PersonId = Project.PersonId,
            Purpose = Input.Purpose,
            OrganisationId = Input.OrganisationId,
            Given = Input.Given,
            StatedOn = Input.StatedOn!.Value,
            NoticeVersion = Input.NoticeVersion.Trim(),
            RecordedByUserId = Viewer.Of(User).UserId,
            RecordedAtUtc = access.NowUtc,
            DocumentName = file?.Name,
            DocumentContentType = file?.ContentType,
            Document = file?.Content,
        });
        await db.SaveChangesAsync();
        TempData["Status"] = l[Input.Given ? "Consents.Given" : "Consents.Withdrawn", l[$"ConsentPurpose.{Input.Purpose}"]].Value;
        return Redirect(Url.Content($"~/Projects/{id}/Consents"));
    }

    private async Task<IActionResult?> LoadAsync(Guid id, bool record)
    {
        var grant = await access.FindAsync(User, id);
        if (grant is null)
        {
            return NotFound();
        }

        if (grant.IsLimited || (record && !grant.CanWork) || (!grant.CanWork && !grant.IsPerson))
        {
            return Forbid();
        }

        Project = grant.Project;
        CanRecord = grant.CanWork;
        var programmeId = grant.Project.ProgrammeId;
        Organisations = await db.ProgrammePartners.AsNoTracking().Where(pp => pp.ProgrammeId == programmeId)
            .OrderBy(pp => pp.Organisation.Name).Select(pp => new Choice(pp.OrganisationId, pp.Organisation.Name)).ToListAsync();
        var rows = await db.Consents.AsNoTracking().Where(c => c.PersonId == grant.Project.PersonId)
            .OrderByDescending(c => c.RecordedAtUtc).ThenByDescending(c => c.Id)
            .Select(c => new Row(c.Id, c.Purpose, c.Organisation != null ? c.Organisation.Name : null, c.Given, c.StatedOn, c.NoticeVersion,
                db.Users.Where(u => u.Id == c.RecordedByUserId).Select(u => u.DisplayName).FirstOrDefault() ?? "–", c.RecordedAtUtc, c.DocumentName))
            .ToListAsync();
        History = rows;
        InForce = rows.GroupBy(r => (r.Purpose, r.Organisation)).Select(g => g.First()).OrderBy(r => r.Purpose).ThenBy(r => r.Organisation).ToList();
        return null;
    }

    public sealed class ConsentInput
    {
        [Display(Name = "Consents.Purpose")]
        public ConsentPurpose Purpose { get; set; }

        [Display(Name = "Consents.Organisation")]
        public Guid? OrganisationId { get; set; }

        [Display(Name = "Consents.Statement")]
        public bool Given { get; set; } = true;

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Consents.StatedOn")]
        public DateOnly? StatedOn { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(100, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Consents.NoticeVersion")]
        public string NoticeVersion { get; set; } = Consent.DefaultNotice;
    }
}
