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
public sealed class ReferralDesk(AppDbContext db, IHttpContextAccessor http, TimeProvider clock, IOptions<ReferralOptions> options, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l)
{
    public static readonly string[] Referrers = [Roles.FrontDesk, Roles.Clinician, Roles.SocialWorker, Roles.KeyWorker, Roles.NetworkCoordinator];

    public const string ReferrerRoles = $"{Roles.FrontDesk},{Roles.Clinician},{Roles.SocialWorker},{Roles.KeyWorker},{Roles.NetworkCoordinator}";

    private IReadOnlyList<Guid>? organisations;

    public ClaimsPrincipal User => http.HttpContext!.User;

    public string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => Infrastructure.ItalianTime.DateOf(UtcNow);

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
        // Each branch through its own index, then united: an OR across the referral and its
        // service would walk every referral of the region for each page.
        var ids = db.Referrals.Where(r => mine.Contains(r.FromOrganisationId)).Select(r => r.Id)
            .Union(db.Referrals.Where(r => db.DirectoryServices.Where(s => mine.Contains(s.OrganisationId)).Select(s => s.Id).Contains(r.ServiceId)).Select(r => r.Id));
        if (coordinator)
        {
            ids = ids.Union(db.Referrals.Where(r => (r.State == ReferralState.Requested || r.State == ReferralState.Received) && r.StateChangedAtUtc < overdueBefore).Select(r => r.Id));
        }

        return db.Referrals.Where(r => ids.Contains(r.Id));
    }

    /// One referral in the user's scope, with what its page shows: service, both organisations, timeline and calls.
    public async Task<Referral?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        // The same rule as VisibleAsync, checked on this one row: the united ids would gather every
        // referral of the user's organisations (and each split query below would gather them again).
        var mine = await OrganisationsAsync(cancellationToken);
        var overdueBefore = OverdueBefore;
        var coordinator = IsCoordinator;
        return await db.Referrals.Where(r => r.Id == id)
            .Where(r => mine.Contains(r.FromOrganisationId) || mine.Contains(r.Service.OrganisationId)
                || (coordinator && (r.State == ReferralState.Requested || r.State == ReferralState.Received) && r.StateChangedAtUtc < overdueBefore))
            .AsSplitQuery()
            .Include(r => r.Service).ThenInclude(s => s.Organisation)
            .Include(r => r.FromOrganisation)
            .Include(r => r.Events)
            .Include(r => r.ContactAttempts)
            .SingleOrDefaultAsync(cancellationToken);
    }

    public DateTime OverdueBefore => UtcNow.AddDays(-OverdueAfterDays);

    public bool IsOverdue(Referral r) => ReferralLifecycle.IsWaiting(r.State) && r.StateChangedAtUtc < OverdueBefore;

    /// The rules beyond the input's annotations, as (property, localised message).
    public IEnumerable<(string Field, string Message)> Check(NewModel.ReferralInput input, IEnumerable<Guid> from)
    {
        if (!from.Contains(input.FromOrganisationId))
        {
            yield return (nameof(input.FromOrganisationId), l["Referrals.FromOrganisationInvalid"]);
        }

        if (!Enum.IsDefined(input.Urgency))
        {
            yield return (nameof(input.Urgency), l["Validation.ValueInvalidHere"]);
        }

        if (!input.ConsentGiven && string.IsNullOrWhiteSpace(input.ConsentOverride))
        {
            yield return (nameof(input.ConsentOverride), l["Referrals.ConsentNeeded"]);
        }
    }

    /// A checked input becomes a sent referral, added to the context for the caller to save.
    public Referral Send(ServiceDirectory.DirectoryService service, NewModel.ReferralInput input)
    {
        var now = UtcNow;
        var referral = new Referral
        {
            ServiceId = service.Id,
            FromOrganisationId = input.FromOrganisationId,
            CreatedByUserId = UserId,
            CreatedAtUtc = now,
            GivenName = input.GivenName!.Trim(),
            FamilyName = input.FamilyName!.Trim(),
            Contact = input.Contact!.Trim(),
            Reason = input.Reason!.Trim(),
            Urgency = input.Urgency,
            Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
            ConsentGiven = input.ConsentGiven,
            ConsentOverride = input.ConsentGiven ? null : input.ConsentOverride!.Trim(),
            State = ReferralState.Requested,
            StateChangedAtUtc = now,
        };
        referral.Events.Add(new ReferralEvent { AtUtc = now, ByUserId = UserId, To = ReferralState.Requested, Action = ReferralAction.Send });
        db.Referrals.Add(referral);
        return referral;
    }

    /// Moves a loaded referral (events included) one step, for the page and the API alike. The
    /// caller saves; the version is checked here and again by the database on save.
    public MoveCheck Move(Referral referral, ReferralSide? side, ReferralAction action, string? text, Guid version)
    {
        // A stale view first: the step may be refused only because someone else moved it since.
        if (side is not null && version != referral.Version)
        {
            return MoveCheck.Stale;
        }

        if (side is not { } s || !ReferralLifecycle.Available(referral.State, s).Contains(action))
        {
            return MoveCheck.NotAllowed;
        }

        text = text?.Trim();
        if (ReferralLifecycle.Moves[action].NeedsText && string.IsNullOrEmpty(text))
        {
            return MoveCheck.TextNeeded;
        }

        if (text is { Length: > 2000 })
        {
            return MoveCheck.TextTooLong;
        }

        var now = UtcNow;
        var from = referral.State;
        referral.State = ReferralLifecycle.Next(from, action)!.Value;
        referral.StateChangedAtUtc = now;
        referral.Version = Guid.NewGuid();
        if (action is ReferralAction.Complete or ReferralAction.NotTakenUp or ReferralAction.Reject)
        {
            referral.Outcome = text;
        }

        referral.Events.Add(new ReferralEvent { ReferralId = referral.Id, AtUtc = now, ByUserId = UserId, From = from, To = referral.State, Action = action, Note = string.IsNullOrEmpty(text) ? null : text });
        return MoveCheck.Moved;
    }

    /// Logs the receiver's attempt to reach the person, for the page and the API; the caller saves.
    /// Returns the problems as (field, localised message), and logs nothing when there are some.
    public IReadOnlyList<(string Field, string Message)> LogAttempt(Referral referral, ContactChannel channel, bool reached, string? note)
    {
        var problems = new List<(string, string)>();
        if (!Enum.IsDefined(channel))
        {
            problems.Add(("Channel", l["Validation.ValueInvalidHere"]));
        }

        if (note is { Length: > 1000 })
        {
            problems.Add(("Note", l["Validation.MaxLength", l["Referrals.Attempt.Note"], 1000]));
        }

        if (problems.Count == 0)
        {
            referral.ContactAttempts.Add(new ContactAttempt
            {
                ReferralId = referral.Id,
                AtUtc = UtcNow,
                ByUserId = UserId,
                Channel = channel,
                Reached = reached,
                Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            });
        }

        return problems;
    }

    /// Receiver first: a node that refers to its own service acts as the service.
    public async Task<ReferralSide?> SideAsync(Referral referral, CancellationToken cancellationToken = default)
    {
        var mine = await OrganisationsAsync(cancellationToken);
        return mine.Contains(referral.Service.OrganisationId) ? ReferralSide.Receiver
            : mine.Contains(referral.FromOrganisationId) ? ReferralSide.Sender
            : null;
    }
}

public enum MoveCheck
{
    Moved,
    NotAllowed,
    Stale,
    TextNeeded,
    TextTooLong,
}
