using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Trama.Web.Features.Audit;

namespace Trama.Web.Features.Referrals;

/// The referrals of the user's organisations: the inbox of their services and the ones they sent;
/// for network coordinators, also every referral waiting too long.
[Authorize]
public sealed class IndexModel(ReferralDesk desk, AuditTrail audit, Data.AppDbContext db, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Row(Guid Id, string Name, string Service, string From, ReferralState State, ReferralUrgency Urgency, DateTime SentAtUtc, DateTime ChangedAtUtc, bool Overdue, bool Override);

    private sealed record Item(Guid Id, string GivenName, string FamilyName, string Service, string From, ReferralState State, ReferralUrgency Urgency, DateTime CreatedAtUtc, DateTime StateChangedAtUtc, bool Override);

    /// Rows per list and page: a CPS sends thousands of referrals a year.
    public const int PageSize = 50;

    public IReadOnlyList<Row> Inbox { get; private set; } = [];

    public IReadOnlyList<Row> Sent { get; private set; } = [];

    public IReadOnlyList<Row> Escalated { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "inbox")]
    public int InboxPage { get; set; } = 1;

    [BindProperty(SupportsGet = true, Name = "sent")]
    public int SentPage { get; set; } = 1;

    [BindProperty(SupportsGet = true, Name = "escalated")]
    public int EscalatedPage { get; set; } = 1;

    public int InboxPages { get; private set; } = 1;

    public int SentPages { get; private set; } = 1;

    public int EscalatedPages { get; private set; } = 1;

    /// The query string of this page with one list moved to another page, the others kept.
    public Dictionary<string, string?> RouteFor(string list, int page) => new()
    {
        ["inbox"] = (list == "inbox" ? page : InboxPage).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["sent"] = (list == "sent" ? page : SentPage).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["escalated"] = (list == "escalated" ? page : EscalatedPage).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public Infrastructure.Pager Pager(string list, int page, int pages) =>
        new("/Referrals/Index", "pager-" + list, l["Referrals.Paging." + list], l["Referrals.Newer"], l["Referrals.Older"], page, pages, p => RouteFor(list, p));

    public int OverdueAfterDays => desk.OverdueAfterDays;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var mine = await desk.OrganisationsAsync(cancellationToken);
        var overdueBefore = desk.OverdueBefore;
        var shown = new List<Row>();

        // Newest first, a page at a time, each list counted and read on its own: only the rows
        // on screen are read, and only those are written to the audit trail.
        async Task<(IReadOnlyList<Row> Rows, int Pages, int Page)> PageOf(IQueryable<Referral> list, int page)
        {
            var total = await list.CountAsync(cancellationToken);
            var pages = Infrastructure.Pager.PagesFor(total, PageSize);
            page = Math.Clamp(page, 1, pages);
            var items = await list.OrderByDescending(r => r.CreatedAtUtc).ThenBy(r => r.Id).Skip((page - 1) * PageSize).Take(PageSize)
                .Select(r => new Item(r.Id, r.GivenName, r.FamilyName, r.Service.Name, r.FromOrganisation.Name, r.State, r.Urgency, r.CreatedAtUtc, r.StateChangedAtUtc, r.ConsentOverride != null))
                .ToListAsync(cancellationToken);
            var rows = items.Select(r => new Row(r.Id, $"{r.GivenName} {r.FamilyName}", r.Service, r.From, r.State, r.Urgency, r.CreatedAtUtc, r.StateChangedAtUtc,
                ReferralLifecycle.IsWaiting(r.State) && r.StateChangedAtUtc < overdueBefore, r.Override)).ToList();
            shown.AddRange(rows);
            return (rows, pages, page);
        }

        // Received and sent are within the user's scope by construction (their organisations').
        var myServices = db.DirectoryServices.Where(s => mine.Contains(s.OrganisationId)).Select(s => s.Id);
        (Inbox, InboxPages, InboxPage) = await PageOf(db.Referrals.Where(r => myServices.Contains(r.ServiceId)), InboxPage);
        (Sent, SentPages, SentPage) = await PageOf(db.Referrals.Where(r => mine.Contains(r.FromOrganisationId) && !myServices.Contains(r.ServiceId)), SentPage);
        if (desk.IsCoordinator)
        {
            var visible = await desk.VisibleAsync(cancellationToken);
            (Escalated, EscalatedPages, EscalatedPage) = await PageOf(
                visible.Where(r => (r.State == ReferralState.Requested || r.State == ReferralState.Received) && r.StateChangedAtUtc < overdueBefore), EscalatedPage);
        }

        await audit.RecordReadsAsync(nameof(Referral), shown.Select(r => (r.Id.ToString(), (Guid?)null)).Distinct(), cancellationToken);
    }
}
