using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trama.Web.Data;
using Trama.Web.Features.Projects;

namespace Trama.Web.Features.Budget;

/// A project's budget: the plan by life area and source, the ledger of spending, and how far
/// each line is spent.
[RequestSizeLimit(UploadRequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadRequestLimit)]
public sealed class IndexModel(AppDbContext db, ProjectAccess access, Audit.AuditTrail audit, Microsoft.Extensions.Options.IOptions<Infrastructure.TramaOptions> options, IStringLocalizer<SharedResource> l) : PageModel
{
    /// Above the largest accepted file, so a file slightly too big gets a message, not a dropped connection.
    private const long UploadRequestLimit = 12 * 1024 * 1024;

    public sealed record LedgerRow(DateOnly SpentOn, long AmountCents, FundingSource Source, string Area, string Supplier, string Description, Guid? ReceiptId, string? ReceiptName, bool ReceiptObscured, bool MayObscure);

    private ProjectAccess.Grant? grant;

    public HealthBudgetProject Project { get; private set; } = null!;

    public bool CanWork { get; private set; }

    public IReadOnlyList<LifeArea> Areas { get; private set; } = [];

    public BudgetSummary Summary { get; private set; } = new([]);

    public IReadOnlyList<LedgerRow> Ledger { get; private set; } = [];

    // Two forms on one page: each handler binds and validates only its own form.
    public LineInput Line { get; set; } = new();

    public SpendingInput Spending { get; set; } = new();

    public string AreaName(Guid id) => Areas.FirstOrDefault(a => a.Id == id)?.Name(CultureInfo.CurrentUICulture) ?? "–";

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        Spending.SpentOn = access.Today;
        return Page();
    }

    public async Task<IActionResult> OnPostLineAsync(Guid id)
    {
        if (await LoadAsync(id, requireWork: true) is { } refused)
        {
            return refused;
        }

        await TryUpdateModelAsync(Line, nameof(Line));
        var planned = Money.ParseCents(Line.Planned);
        var committed = string.IsNullOrWhiteSpace(Line.Committed) ? 0 : Money.ParseCents(Line.Committed);
        CheckAmount("Line.Planned", planned, l["Budget.Planned"], allowZero: true);
        CheckAmount("Line.Committed", committed, l["Budget.Committed"], allowZero: true);
        CheckArea("Line.LifeAreaId", Line.LifeAreaId);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.BudgetLines.Add(new BudgetLine
        {
            ProjectId = id,
            LifeAreaId = Line.LifeAreaId,
            Source = Line.Source,
            Nature = Line.Nature,
            PlannedCents = planned!.Value,
            CommittedCents = committed!.Value,
            CreatedAtUtc = access.NowUtc,
        });
        await db.SaveChangesAsync();
        TempData["Status"] = l["Budget.LineAdded"].Value;
        return Redirect(Url.Content($"~/Projects/{id}/Budget"));
    }

    /// A receipt, always as a download with the type its content showed: never rendered inline.
    public async Task<IActionResult> OnGetReceiptAsync(Guid id, Guid receiptId)
    {
        var grant = await access.FindAsync(User, id);
        if (grant is null)
        {
            return NotFound();
        }

        if (grant.IsLimited)
        {
            return Forbid();
        }

        var receipt = await db.Receipts.AsNoTracking().SingleOrDefaultAsync(r => r.Id == receiptId && r.ProjectId == id);
        if (receipt is null || !Sees(grant, receipt.IsObscured, receipt.UploadedByUserId))
        {
            return NotFound();
        }

        await audit.RecordReadAsync(nameof(Receipt), receipt.Id.ToString(), grant.Project.PersonId);
        Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return File(receipt.Content, receipt.ContentType, receipt.FileName);
    }

    /// Obscures a receipt at the person's request, or shows it again: its uploader or the CPS referent.
    public async Task<IActionResult> OnPostObscureReceiptAsync(Guid id, Guid receiptId, bool obscure)
    {
        if (await LoadAsync(id, requireWork: true) is { } refused)
        {
            return refused;
        }

        var receipt = await db.Receipts.SingleOrDefaultAsync(r => r.Id == receiptId && r.ProjectId == id);
        if (receipt is null || !Sees(grant!, receipt.IsObscured, receipt.UploadedByUserId))
        {
            return NotFound();
        }

        if (!grant!.IsCpsReferent && receipt.UploadedByUserId != grant.Viewer.UserId)
        {
            return Forbid();
        }

        receipt.IsObscured = obscure;
        await db.SaveChangesAsync();
        TempData["Status"] = l[obscure ? "Budget.Receipt.Obscured" : "Budget.Receipt.Unobscured"].Value;
        return Redirect(Url.Content($"~/Projects/{id}/Budget"));
    }

    private static bool Sees(ProjectAccess.Grant grant, bool obscured, string uploadedBy) =>
        !obscured || grant.IsCpsReferent || uploadedBy == grant.Viewer.UserId;

    public async Task<IActionResult> OnPostSpendingAsync(Guid id, IFormFile? receiptFile)
    {
        if (await LoadAsync(id, requireWork: true) is { } refused)
        {
            return refused;
        }

        await TryUpdateModelAsync(Spending, nameof(Spending));
        var amount = Money.ParseCents(Spending.Amount);
        CheckAmount("Spending.Amount", amount, l["Budget.Amount"], allowZero: false);
        CheckArea("Spending.LifeAreaId", Spending.LifeAreaId);
        if (Spending.SpentOn is { } on && (on < Project.ReferredOn || on > access.Today))
        {
            ModelState.AddModelError("Spending.SpentOn", l["Budget.DateRange"]);
        }

        var upload = await Upload.ReadAsync(receiptFile, options.Value.Security.MaxUploadBytes, "receiptFile", ModelState, l);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var entry = new LedgerEntry
        {
            ProjectId = id,
            SpentOn = Spending.SpentOn!.Value,
            AmountCents = amount!.Value,
            Source = Spending.Source,
            LifeAreaId = Spending.LifeAreaId,
            Supplier = Spending.Supplier.Trim(),
            Description = Spending.Description.Trim(),
            RecordedByUserId = Viewer.Of(User).UserId,
            CreatedAtUtc = access.NowUtc,
        };
        db.LedgerEntries.Add(entry);
        if (upload is { } file)
        {
            db.Receipts.Add(new Receipt
            {
                ProjectId = id,
                LedgerEntryId = entry.Id,
                FileName = file.Name,
                ContentType = file.ContentType,
                SizeBytes = file.Content.Length,
                Content = file.Content,
                UploadedByUserId = entry.RecordedByUserId,
                UploadedAtUtc = access.NowUtc,
            });
        }

        await db.SaveChangesAsync();
        TempData["Status"] = l["Budget.SpendingAdded", Money.Format(amount.Value)].Value;
        return Redirect(Url.Content($"~/Projects/{id}/Budget"));
    }

    private void CheckAmount(string key, long? cents, string label, bool allowZero)
    {
        if (ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
        {
            return;
        }

        if (cents is null)
        {
            ModelState.AddModelError(key, l["Budget.AmountFormat", label]);
        }
        else if (cents < 0 || (!allowZero && cents == 0))
        {
            ModelState.AddModelError(key, l["Budget.AmountPositive", label]);
        }
    }

    private void CheckArea(string key, Guid areaId)
    {
        if (Areas.All(a => a.Id != areaId))
        {
            ModelState.AddModelError(key, l["Validation.Required", l["Projects.Goals.Area"]]);
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, bool requireWork = false)
    {
        var grant = await access.FindAsync(User, id);
        if (grant is null)
        {
            return NotFound();
        }

        if ((requireWork && !grant.CanWork) || grant.IsLimited)
        {
            return Forbid();
        }

        Project = grant.Project;
        this.grant = grant;
        CanWork = grant.CanWork;
        Areas = await db.LifeAreas.AsNoTracking().Where(a => a.ProgrammeId == grant.Project.ProgrammeId).OrderBy(a => a.SortOrder).ToListAsync();
        var lines = await db.BudgetLines.AsNoTracking().Where(b => b.ProjectId == id).Select(b => new { b.LifeAreaId, b.Source, b.PlannedCents, b.CommittedCents }).ToListAsync();
        var ledger = await db.LedgerEntries.AsNoTracking().Include(e => e.LifeArea).Where(e => e.ProjectId == id)
            .OrderByDescending(e => e.SpentOn).ThenByDescending(e => e.CreatedAtUtc).ToListAsync();
        Summary = BudgetSummary.Compute(
            lines.Select(b => (b.LifeAreaId, b.Source, b.PlannedCents, b.CommittedCents)),
            ledger.Select(e => (e.LifeAreaId, e.Source, e.AmountCents)));
        var ui = CultureInfo.CurrentUICulture;
        var shown = ledger.Take(50).ToList();
        var shownIds = shown.Select(e => e.Id).ToList();
        var receipts = (await db.Receipts.AsNoTracking().Where(r => shownIds.Contains(r.LedgerEntryId))
            .Select(r => new { r.Id, r.LedgerEntryId, r.FileName, r.IsObscured, r.UploadedByUserId }).ToListAsync())
            .Where(r => Sees(grant, r.IsObscured, r.UploadedByUserId))
            .ToDictionary(r => r.LedgerEntryId);
        var mayObscure = grant.CanWork && ProjectLifecycle.IsOpen(grant.Project.State);
        Ledger = shown.Select(e => new LedgerRow(e.SpentOn, e.AmountCents, e.Source, e.LifeArea.Name(ui), e.Supplier, e.Description,
            receipts.TryGetValue(e.Id, out var r) ? r.Id : null, r?.FileName, r?.IsObscured ?? false,
            r is not null && mayObscure && (grant.IsCpsReferent || r.UploadedByUserId == grant.Viewer.UserId))).ToList();
        return null;
    }

    public sealed class LineInput
    {
        [Display(Name = "Projects.Goals.Area")]
        public Guid LifeAreaId { get; set; }

        [Display(Name = "Budget.Source")]
        public FundingSource Source { get; set; }

        [Display(Name = "Budget.Nature")]
        public BudgetNature Nature { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(20, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Budget.Planned")]
        public string? Planned { get; set; }

        [StringLength(20, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Budget.Committed")]
        public string? Committed { get; set; }
    }

    public sealed class SpendingInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Budget.SpentOn")]
        public DateOnly? SpentOn { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(20, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Budget.Amount")]
        public string? Amount { get; set; }

        [Display(Name = "Budget.Source")]
        public FundingSource Source { get; set; }

        [Display(Name = "Projects.Goals.Area")]
        public Guid LifeAreaId { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Budget.Supplier")]
        public string Supplier { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(1000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Budget.Description")]
        public string Description { get; set; } = string.Empty;
    }
}
