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

    public sealed record LineRow(Guid LifeAreaId, FundingSource Source, BudgetNature Nature, DateOnly? PeriodStart, DateOnly? PeriodEnd, long PlannedCents, long CommittedCents);

    public IReadOnlyList<LineRow> Lines { get; private set; } = [];

    public enum TimeKind
    {
        Staff,
        PeerSupport,
        Volunteer,
    }

    public sealed record TimeValueRow(TimeKind Kind, int Minutes, long RateCents)
    {
        /// Minutes × hourly rate ÷ 60, rounded to the cent once, on the total.
        public long ValueCents => (long)Math.Round(Minutes * RateCents / 60m, MidpointRounding.ToEven);
    }

    /// The diary's hours (those the viewer may read) valued at the programme's hourly rates.
    public IReadOnlyList<TimeValueRow> TimeValue { get; private set; } = [];

    /// The tariff in force today for the project's intensity, and what the project has cost at
    /// tariff from its start to today (or its closure).
    public Programmes.TariffTableEntry? Tariff { get; private set; }

    public (long HealthCents, long SocialCents)? TariffCost { get; private set; }

    public DateOnly? TariffCostTo { get; private set; }

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
        Line.PeriodStart = Project.StartedOn ?? access.Today;
        Line.PeriodEnd = Line.PeriodStart.Value.AddYears(1).AddDays(-1);
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
        if (Line.PeriodStart is { } from && Line.PeriodEnd is { } to && BudgetLine.PeriodProblem(from, to, Project.ReferredOn) is { } problem)
        {
            ModelState.AddModelError(problem.OnStart ? "Line.PeriodStart" : "Line.PeriodEnd", l[problem.Key]);
        }

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
            PeriodStart = Line.PeriodStart,
            PeriodEnd = Line.PeriodEnd,
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
        if (receipt is null || (receipt.IsObscured && !grant.SeesObscured(receipt.UploadedByUserId)))
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
        if (receipt is null || (receipt.IsObscured && !grant!.SeesObscured(receipt.UploadedByUserId)))
        {
            return NotFound();
        }

        if (!grant!.SeesObscured(receipt.UploadedByUserId))
        {
            return Forbid();
        }

        receipt.IsObscured = obscure;
        await db.SaveChangesAsync();
        TempData["Status"] = l[obscure ? "Budget.Receipt.Obscured" : "Budget.Receipt.Unobscured"].Value;
        return Redirect(Url.Content($"~/Projects/{id}/Budget"));
    }

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

    private sealed record ProgrammeRates(long StaffHourlyRateCents, long PeerHourlyRateCents, long VolunteerHourlyRateCents, Guid TerritoryId);

    private async Task ValueTimeAsync(ProjectAccess.Grant grant, ProgrammeRates rates)
    {
        var id = grant.Project.Id;
        var roles = await db.CareTeamMembers.AsNoTracking().Where(m => m.ProjectId == id && m.UserId != null).Select(m => new { m.UserId, m.Role }).ToListAsync();
        var minutes = await db.DiaryEntries.AsNoTracking().Where(d => d.ProjectId == id).ReadableBy(db, grant.Viewer, access.Today)
            .GroupBy(d => d.AuthorUserId).Select(g => new { AuthorUserId = g.Key, Minutes = g.Sum(d => d.DurationMinutes) }).ToListAsync();
        TimeKind KindOf(string author) => roles.FirstOrDefault(r => r.UserId == author)?.Role switch
        {
            CareTeamRole.PeerSupportExpert => TimeKind.PeerSupport,
            CareTeamRole.NaturalFacilitator or CareTeamRole.FamilyMember => TimeKind.Volunteer,
            _ => TimeKind.Staff,
        };
        long RateOf(TimeKind kind) => kind switch
        {
            TimeKind.PeerSupport => rates.PeerHourlyRateCents,
            TimeKind.Volunteer => rates.VolunteerHourlyRateCents,
            _ => rates.StaffHourlyRateCents,
        };
        TimeValue = minutes.GroupBy(m => KindOf(m.AuthorUserId)).OrderBy(g => g.Key)
            .Select(g => new TimeValueRow(g.Key, g.Sum(m => m.Minutes), RateOf(g.Key))).ToList();
    }

    private async Task PriceAtTariffAsync(HealthBudgetProject project, Guid territory)
    {
        if (project.Intensity is not { } intensity)
        {
            return;
        }

        var rows = await db.TariffTable.AsNoTracking().Where(t => t.TerritoryId == territory && t.Intensity == intensity).ToListAsync();
        Tariff = rows.FirstOrDefault(r => r.AppliesOn(access.Today));
        if (project.StartedOn is { } started)
        {
            var to = project.ClosedOn ?? access.Today;
            if (to >= started)
            {
                TariffCostTo = to;
                TariffCost = Programmes.TariffTableEntry.CostBetween(rows, intensity, started, to);
            }
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
        var lines = await db.BudgetLines.AsNoTracking().Where(b => b.ProjectId == id).OrderBy(b => b.PeriodStart).ThenBy(b => b.CreatedAtUtc)
            .Select(b => new LineRow(b.LifeAreaId, b.Source, b.Nature, b.PeriodStart, b.PeriodEnd, b.PlannedCents, b.CommittedCents)).ToListAsync();
        Lines = lines;
        var programme = await db.Programmes.AsNoTracking().Where(p => p.Id == grant.Project.ProgrammeId)
            .Select(p => new ProgrammeRates(p.StaffHourlyRateCents, p.PeerHourlyRateCents, p.VolunteerHourlyRateCents, p.TerritoryId)).SingleAsync();
        await ValueTimeAsync(grant, programme);
        await PriceAtTariffAsync(grant.Project, programme.TerritoryId);
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
            .Where(r => !r.IsObscured || grant.SeesObscured(r.UploadedByUserId))
            .ToDictionary(r => r.LedgerEntryId);
        var mayObscure = grant.CanWork && ProjectLifecycle.IsOpen(grant.Project.State);
        Ledger = shown.Select(e => new LedgerRow(e.SpentOn, e.AmountCents, e.Source, e.LifeArea.Name(ui), e.Supplier, e.Description,
            receipts.TryGetValue(e.Id, out var r) ? r.Id : null, r?.FileName, r?.IsObscured ?? false,
            r is not null && mayObscure && grant.SeesObscured(r.UploadedByUserId))).ToList();
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

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Budget.PeriodStart")]
        public DateOnly? PeriodStart { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Budget.PeriodEnd")]
        public DateOnly? PeriodEnd { get; set; }
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
