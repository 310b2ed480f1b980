using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Trama.Web.Data;
using Trama.Web.Features.Account;

namespace Trama.Web.Features.Referrals;

/// The `Trama:Referrals` section.
public sealed class ReferralOptions
{
    public const string Section = "Trama:Referrals";

    /// A referral still unanswered after this many days is flagged to both sides and to the coordinators.
    public int OverdueAfterDays { get; set; } = 5;
}

/// Who may see and move a referral: the members of the sending organisation and of the
/// receiving service's organisation; network coordinators see the overdue ones to escalate them.
public sealed class ReferralDesk(AppDbContext db, IHttpContextAccessor http, TimeProvider clock, IOptions<ReferralOptions> options)
{
    public static readonly string[] Referrers = [Roles.FrontDesk, Roles.Clinician, Roles.SocialWorker, Roles.KeyWorker, Roles.NetworkCoordinator];

    public const string ReferrerRoles = $"{Roles.FrontDesk},{Roles.Clinician},{Roles.SocialWorker},{Roles.KeyWorker},{Roles.NetworkCoordinator}";

    private IReadOnlyList<Guid>? organisations;

    public ClaimsPrincipal User => http.HttpContext!.User;

    public string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(Infrastructure.ItalianTime.FromUtc(UtcNow));

    public bool IsCoordinator => User.IsInRole(Roles.NetworkCoordinator);

    public int OverdueAfterDays => options.Value.OverdueAfterDays;

    /// The organisations the user works for today.
    public async Task<IReadOnlyList<Guid>> OrganisationsAsync(CancellationToken cancellationToken = default)
    {
        if (organisations is null)
        {
            var today = Today;
            organisations = await db.OrganisationMemberships
                .Where(m => m.UserId == UserId && m.StartsOn <= today && (m.EndsOn == null || m.EndsOn >= today))
                .Select(m => m.OrganisationId).Distinct().ToListAsync(cancellationToken);
        }

        return organisations;
    }

    /// The referrals the user may see at all: sent by or to one of their organisations, or, for
    /// a coordinator, overdue anywhere.
    public async Task<IQueryable<Referral>> VisibleAsync(CancellationToken cancellationToken = default)
    {
        var mine = await OrganisationsAsync(cancellationToken);
        var overdueBefore = OverdueBefore;
        var coordinator = IsCoordinator;
        return db.Referrals.Where(r => mine.Contains(r.FromOrganisationId) || mine.Contains(r.Service.OrganisationId)
            || (coordinator && (r.State == ReferralState.Requested || r.State == ReferralState.Received) && r.StateChangedAtUtc < overdueBefore));
    }

    public DateTime OverdueBefore => UtcNow.AddDays(-OverdueAfterDays);

    public bool IsOverdue(Referral r) => ReferralLifecycle.IsWaiting(r.State) && r.StateChangedAtUtc < OverdueBefore;

    /// Receiver first: a node that refers to its own service acts as the service.
    public async Task<ReferralSide?> SideAsync(Referral referral, CancellationToken cancellationToken = default)
    {
        var mine = await OrganisationsAsync(cancellationToken);
        return mine.Contains(referral.Service.OrganisationId) ? ReferralSide.Receiver
            : mine.Contains(referral.FromOrganisationId) ? ReferralSide.Sender
            : null;
    }
}
