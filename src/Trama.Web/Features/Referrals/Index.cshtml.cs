using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Trama.Web.Features.Audit;

namespace Trama.Web.Features.Referrals;

/// The referrals of the user's organisations: the inbox of their services and the ones they sent;
/// for network coordinators, also every referral waiting too long.
[Authorize]
public sealed class IndexModel(ReferralDesk desk, AuditTrail audit) : PageModel
{
    public sealed record Row(Guid Id, string Name, string Service, string From, ReferralState State, ReferralUrgency Urgency, DateTime SentAtUtc, DateTime ChangedAtUtc, bool Overdue, bool Override);

    private sealed record Item(Guid Id, string GivenName, string FamilyName, string Service, Guid ServiceOrganisation, Guid FromOrganisationId, string From, ReferralState State, ReferralUrgency Urgency, DateTime CreatedAtUtc, DateTime StateChangedAtUtc, bool Override);

    public IReadOnlyList<Row> Inbox { get; private set; } = [];

    public IReadOnlyList<Row> Sent { get; private set; } = [];

    public IReadOnlyList<Row> Escalated { get; private set; } = [];

    public int OverdueAfterDays => desk.OverdueAfterDays;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var mine = await desk.OrganisationsAsync(cancellationToken);
        var visible = await desk.VisibleAsync(cancellationToken);
        var rows = await visible.OrderByDescending(r => r.CreatedAtUtc).Take(500)
            .Select(r => new Item(r.Id, r.GivenName, r.FamilyName, r.Service.Name, r.Service.OrganisationId, r.FromOrganisationId, r.FromOrganisation.Name, r.State, r.Urgency, r.CreatedAtUtc, r.StateChangedAtUtc, r.ConsentOverride != null))
            .ToListAsync(cancellationToken);
        var overdueBefore = desk.OverdueBefore;
        Row ToRow(Item r) => new(r.Id, $"{r.GivenName} {r.FamilyName}", r.Service, r.From, r.State, r.Urgency, r.CreatedAtUtc, r.StateChangedAtUtc,
            ReferralLifecycle.IsWaiting(r.State) && r.StateChangedAtUtc < overdueBefore, r.Override);
        Inbox = rows.Where(r => mine.Contains(r.ServiceOrganisation)).Select(ToRow).ToList();
        Sent = rows.Where(r => mine.Contains(r.FromOrganisationId) && !mine.Contains(r.ServiceOrganisation)).Select(ToRow).ToList();
        Escalated = desk.IsCoordinator ? rows.Select(ToRow).Where(r => r.Overdue).ToList() : [];
        await audit.RecordReadsAsync(nameof(Referral), rows.Select(r => (r.Id.ToString(), (Guid?)null)), cancellationToken);
    }
}
