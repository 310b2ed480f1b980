using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trama.Web.Data;
using Trama.Web.Features.Account;
using Trama.Web.Features.Audit;

namespace Trama.Web.Features.Privacy;

/// The privacy officer's view of the audit trail: who read or changed whose data, and the
/// break-the-glass accesses waiting for review. Changed values are not shown, only which fields
/// changed: the officer checks access, not the clinical content.
[Authorize(Roles = Roles.PrivacyOfficer)]
public sealed class AuditLogModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(long Sequence, DateTime AtUtc, string? User, string Action, string EntityType, string? PersonCode, string? IpAddress, IReadOnlyList<string> Fields, bool Emergency);

    public sealed record EmergencyRow(Guid Id, DateTime StartedAtUtc, string User, string PersonCode, string Reason, DateTime? ReviewedAtUtc, string? ReviewNote);

    [BindProperty(SupportsGet = true, Name = "person")]
    public string? Person { get; set; }

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserName { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "action")]
    public string? ActionName { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public bool HasNext { get; private set; }

    public IReadOnlyList<EmergencyRow> Emergencies { get; private set; } = [];

    public AuditVerification? Verification { get; private set; }

    public static readonly IReadOnlyList<string> Actions = [AuditActions.Read, AuditActions.Create, AuditActions.Update, AuditActions.Delete];

    [BindProperty]
    [StringLength(1000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Privacy.Audit.ReviewNote")]
    public string? ReviewNote { get; set; }

    public async Task OnGetAsync()
    {
        if (From is { } f && To is { } t && t < f)
        {
            ModelState.AddModelError(string.Empty, l["Privacy.Audit.DateOrder"]);
        }

        await LoadAsync();
    }

    public async Task<IActionResult> OnPostVerifyAsync()
    {
        Verification = await AuditChain.VerifyAsync(db);
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostReviewAsync(Guid emergencyId)
    {
        var access = await db.EmergencyAccesses.SingleOrDefaultAsync(e => e.Id == emergencyId);
        if (access is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        if (access.ReviewedAtUtc is null)
        {
            access.ReviewedAtUtc = clock.GetUtcNow().UtcDateTime;
            access.ReviewedByUserId = Projects.Viewer.Of(User).UserId;
            access.ReviewNote = string.IsNullOrWhiteSpace(ReviewNote) ? null : ReviewNote.Trim();
            await db.SaveChangesAsync();
        }

        TempData["Status"] = l["Privacy.Audit.Reviewed"].Value;
        return Redirect(Url.Content("~/Privacy/Audit"));
    }

    public Dictionary<string, string?> RouteFor(int page) => new()
    {
        ["person"] = Person,
        ["user"] = UserName,
        ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["action"] = ActionName,
        ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private async Task LoadAsync()
    {
        PageNumber = Math.Clamp(PageNumber, 1, 100_000);
        IQueryable<AuditEntry> query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Person))
        {
            var code = Person.Trim().ToUpperInvariant();
            query = query.Where(a => db.People.Any(p => p.Id == a.PersonId && (p.PseudonymousCode == code || p.FiscalCode == code)));
        }

        if (!string.IsNullOrWhiteSpace(UserName))
        {
            var name = UserName.Trim().ToUpperInvariant();
            query = query.Where(a => db.Users.Any(u => u.Id == a.UserId && (u.NormalizedUserName == name || u.NormalizedEmail == name)));
        }

        if (From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.AtUtc >= start);
        }

        if (To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.AtUtc < end);
        }

        if (ActionName is { } action && Actions.Contains(action))
        {
            query = query.Where(a => a.Action == action);
        }

        var page = await query.OrderByDescending(a => a.Sequence)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1)
            .Select(a => new
            {
                a.Sequence,
                a.AtUtc,
                a.Action,
                a.EntityType,
                a.EntityId,
                a.IpAddress,
                a.Changes,
                a.UserId,
                User = db.Users.Where(u => u.Id == a.UserId).Select(u => u.UserName).FirstOrDefault(),
                Code = db.People.Where(p => p.Id == a.PersonId).Select(p => p.PseudonymousCode).FirstOrDefault(),
            })
            .ToListAsync();
        HasNext = page.Count > PageSize;
        var readers = page.Select(a => a.UserId).OfType<string>().Distinct().ToList();
        var windows = await db.EmergencyAccesses.AsNoTracking().Where(e => readers.Contains(e.UserId))
            .Select(e => new { e.UserId, e.ProjectId, e.StartedAtUtc, e.EndsAtUtc }).ToListAsync();
        Rows = page.Take(PageSize)
            .Select(a => new Row(a.Sequence, a.AtUtc, a.User, a.Action, a.EntityType, a.Code, a.IpAddress, FieldsOf(a.Changes),
                a.EntityType == nameof(Projects.HealthBudgetProject) && windows.Any(w => w.UserId == a.UserId && w.ProjectId.ToString() == a.EntityId && w.StartedAtUtc <= a.AtUtc && w.EndsAtUtc > a.AtUtc)))
            .ToList();
        Emergencies = await db.EmergencyAccesses.AsNoTracking()
            .OrderBy(e => e.ReviewedAtUtc != null).ThenByDescending(e => e.StartedAtUtc)
            .Take(50)
            .Select(e => new EmergencyRow(e.Id, e.StartedAtUtc, e.User.DisplayName, e.Project.Person.PseudonymousCode, e.Reason, e.ReviewedAtUtc, e.ReviewNote))
            .ToListAsync();
    }

    private static List<string> FieldsOf(string? changes)
    {
        if (changes is null)
        {
            return [];
        }

        using var json = JsonDocument.Parse(changes);
        return json.RootElement.EnumerateObject().Select(p => p.Name).ToList();
    }
}
