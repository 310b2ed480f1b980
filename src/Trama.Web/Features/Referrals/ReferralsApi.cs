using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trama.Web.Data;
using Trama.Web.Features.Api;
using Trama.Web.Features.Audit;
using Trama.Web.Features.ServiceDirectory;

namespace Trama.Web.Features.Referrals;

/// /api/v1/referrals: the referral pages as JSON, through the same ReferralDesk (organisation
/// scope, the same moves and checks), every read audited.
public static class ReferralsApi
{
    public sealed record ReferralSummary(Guid Id, string Name, Guid ServiceId, string Service, string From, ReferralState State, string FhirStatus, ReferralUrgency Urgency, DateTime SentAtUtc, DateTime StateChangedAtUtc, bool Overdue, bool ConsentOverridden);

    public sealed record ReferralList(IReadOnlyList<ReferralSummary> Inbox, IReadOnlyList<ReferralSummary> Sent, IReadOnlyList<ReferralSummary> Escalated);

    public sealed record EventView(DateTime AtUtc, string By, ReferralAction Action, ReferralState? From, ReferralState To, string? Note);

    public sealed record ContactAttemptView(DateTime AtUtc, string By, ContactChannel Channel, bool Reached, string? Note);

    public sealed record ReferralView(
        Guid Id, Guid ServiceId, string Service, string ServiceOrganisation, string FromOrganisation, ReferralSide? Side,
        string GivenName, string FamilyName, string Contact, string Reason, ReferralUrgency Urgency, string? Note,
        bool ConsentGiven, string? ConsentOverride, ReferralState State, string FhirStatus, string? Outcome, bool Overdue,
        IReadOnlyList<ReferralAction> Actions, IReadOnlyList<EventView> Events, IReadOnlyList<ContactAttemptView>? ContactAttempts, Guid Version);

    public sealed record SendRequest(Guid ServiceId, Guid FromOrganisationId, string? GivenName, string? FamilyName, string? Contact, string? Reason, ReferralUrgency Urgency, string? Note, bool ConsentGiven, string? ConsentOverride);

    public sealed record MoveRequest(ReferralAction Action, string? Text, Guid Version);

    public sealed record ContactAttemptRequest(ContactChannel Channel, bool Reached, string? Note);

    public static void Map(RouteGroupBuilder api)
    {
        var referrals = api.MapGroup("/referrals").WithTags("Referrals");
        referrals.MapGet("/", ListAsync).WithSummary("The referrals of the user's organisations: inbox, sent and, for coordinators, the overdue ones.");
        referrals.MapPost("/", SendAsync).WithSummary("Refers a person to a service of the guide, with their consent or a typed reason to share anyway.");
        referrals.MapGet("/{id:guid}", GetAsync).WithSummary("One referral as its side sees it: the sender gets the outcome, not the receiver's calls.");
        referrals.MapPost("/{id:guid}/moves", MoveAsync).WithSummary("Moves a referral one step (receive, accept, reject, start, complete, not taken up, revoke); 409 when the version is stale.");
        referrals.MapPost("/{id:guid}/contact-attempts", AttemptAsync).WithSummary("Logs the receiver's attempt to reach the person.");
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound(IStringLocalizer<SharedResource> l) =>
        TypedResults.Problem(title: l["Error.NotFound.Title"], statusCode: StatusCodes.Status404NotFound);

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Conflict(IStringLocalizer<SharedResource> l) =>
        TypedResults.Problem(title: l["Referrals.Conflict"], statusCode: StatusCodes.Status409Conflict);

    private static async Task<IResult> ListAsync(ReferralDesk desk, AuditTrail audit, CancellationToken cancellationToken)
    {
        var mine = await desk.OrganisationsAsync(cancellationToken);
        var visible = await desk.VisibleAsync(cancellationToken);
        var rows = await visible.OrderByDescending(r => r.CreatedAtUtc).Take(500)
            .Select(r => new { r.Id, r.GivenName, r.FamilyName, r.ServiceId, Service = r.Service.Name, ServiceOrganisation = r.Service.OrganisationId, r.FromOrganisationId, From = r.FromOrganisation.Name, r.State, r.Urgency, r.CreatedAtUtc, r.StateChangedAtUtc, Override = r.ConsentOverride != null })
            .ToListAsync(cancellationToken);
        var overdueBefore = desk.OverdueBefore;
        var summaries = rows.Select(r => (Row: r, View: new ReferralSummary(r.Id, $"{r.GivenName} {r.FamilyName}", r.ServiceId, r.Service, r.From, r.State, ReferralLifecycle.FhirStatus(r.State), r.Urgency, r.CreatedAtUtc, r.StateChangedAtUtc,
            ReferralLifecycle.IsWaiting(r.State) && r.StateChangedAtUtc < overdueBefore, r.Override))).ToList();
        await audit.RecordReadsAsync(nameof(Referral), rows.Select(r => (r.Id.ToString(), (Guid?)null)), cancellationToken);
        return TypedResults.Ok(new ReferralList(
            summaries.Where(s => mine.Contains(s.Row.ServiceOrganisation)).Select(s => s.View).ToList(),
            summaries.Where(s => mine.Contains(s.Row.FromOrganisationId) && !mine.Contains(s.Row.ServiceOrganisation)).Select(s => s.View).ToList(),
            desk.IsCoordinator ? summaries.Where(s => s.View.Overdue).Select(s => s.View).ToList() : []));
    }

    private static async Task<(Referral? Referral, ReferralSide? Side)> LoadAsync(Guid id, ReferralDesk desk, AuditTrail audit, CancellationToken cancellationToken)
    {
        var referral = await desk.FindAsync(id, cancellationToken);
        if (referral is null)
        {
            return (null, null);
        }

        await audit.RecordReadAsync(nameof(Referral), referral.Id.ToString(), null, cancellationToken);
        return (referral, await desk.SideAsync(referral, cancellationToken));
    }

    private static async Task<ReferralView> ViewAsync(Referral r, ReferralSide? side, ReferralDesk desk, AppDbContext db, CancellationToken cancellationToken)
    {
        var ids = r.Events.Select(e => e.ByUserId).Concat(r.ContactAttempts.Select(a => a.ByUserId)).Distinct().ToList();
        var names = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        string NameOf(string id) => names.GetValueOrDefault(id, "—");
        return new ReferralView(
            r.Id, r.ServiceId, r.Service.Name, r.Service.Organisation.Name, r.FromOrganisation.Name, side,
            r.GivenName, r.FamilyName, r.Contact, r.Reason, r.Urgency, r.Note, r.ConsentGiven, r.ConsentOverride,
            r.State, ReferralLifecycle.FhirStatus(r.State), r.Outcome, desk.IsOverdue(r),
            side is { } s ? ReferralLifecycle.Available(r.State, s).ToList() : [],
            r.Events.OrderBy(e => e.AtUtc).Select(e => new EventView(e.AtUtc, NameOf(e.ByUserId), e.Action, e.From, e.To, ReferralLifecycle.NoteVisibleTo(e.Action, side) ? e.Note : null)).ToList(),
            side == ReferralSide.Receiver ? r.ContactAttempts.OrderBy(a => a.AtUtc).Select(a => new ContactAttemptView(a.AtUtc, NameOf(a.ByUserId), a.Channel, a.Reached, a.Note)).ToList() : null,
            r.Version);
    }

    private static async Task<IResult> GetAsync(Guid id, ReferralDesk desk, AuditTrail audit, AppDbContext db, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var (referral, side) = await LoadAsync(id, desk, audit, cancellationToken);
        return referral is null ? NotFound(l) : TypedResults.Ok(await ViewAsync(referral, side, desk, db, cancellationToken));
    }

    private static async Task<IResult> SendAsync(SendRequest request, ReferralDesk desk, AppDbContext db, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        if (!ReferralDesk.Referrers.Any(desk.User.IsInRole))
        {
            return TypedResults.Problem(title: l["Error.Forbidden.Title"], statusCode: StatusCodes.Status403Forbidden);
        }

        var service = await db.DirectoryServices.Include(s => s.Organisation)
            .SingleOrDefaultAsync(s => s.Id == request.ServiceId && s.AcceptsReferrals && s.Status == ServiceStatus.Active, cancellationToken);
        if (service is null)
        {
            return NotFound(l);
        }

        var input = new NewModel.ReferralInput
        {
            GivenName = request.GivenName,
            FamilyName = request.FamilyName,
            Contact = request.Contact,
            Reason = request.Reason,
            Urgency = request.Urgency,
            Note = request.Note,
            ConsentGiven = request.ConsentGiven,
            ConsentOverride = request.ConsentOverride,
            FromOrganisationId = request.FromOrganisationId,
        };
        var state = new ModelStateDictionary();
        ApiValidation.Annotate(input, "Input", state, l);
        foreach (var (field, message) in desk.Check(input, await desk.OrganisationsAsync(cancellationToken)))
        {
            state.AddModelError($"Input.{field}", message);
        }

        if (!state.IsValid)
        {
            return TypedResults.ValidationProblem(ApiValidation.Problems(state, "Input"), title: l["Validation.CheckFields"]);
        }

        var referral = desk.Send(service, input);
        await db.SaveChangesAsync(cancellationToken);
        await db.Entry(referral).Reference(r => r.FromOrganisation).LoadAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/referrals/{referral.Id}", await ViewAsync(referral, await desk.SideAsync(referral, cancellationToken), desk, db, cancellationToken));
    }

    private static async Task<IResult> MoveAsync(Guid id, MoveRequest request, ReferralDesk desk, AuditTrail audit, AppDbContext db, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var (referral, side) = await LoadAsync(id, desk, audit, cancellationToken);
        if (referral is null)
        {
            return NotFound(l);
        }

        switch (desk.Move(referral, side, request.Action, request.Text, request.Version))
        {
            case MoveCheck.NotAllowed:
                return TypedResults.Problem(title: l["Referrals.MoveNotAllowed"], statusCode: StatusCodes.Status403Forbidden);
            case MoveCheck.Stale:
                return Conflict(l);
            case MoveCheck.TextNeeded:
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = [l[$"Referrals.TextNeeded.{request.Action}"]] }, title: l["Validation.CheckFields"]);
            case MoveCheck.TextTooLong:
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = [l["Validation.MaxLength", l["Referrals.Text"], 2000]] }, title: l["Validation.CheckFields"]);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict(l);
        }

        return TypedResults.Ok(await ViewAsync(referral, side, desk, db, cancellationToken));
    }

    private static async Task<IResult> AttemptAsync(Guid id, ContactAttemptRequest request, ReferralDesk desk, AuditTrail audit, AppDbContext db, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var (referral, side) = await LoadAsync(id, desk, audit, cancellationToken);
        if (referral is null)
        {
            return NotFound(l);
        }

        if (side != ReferralSide.Receiver || ReferralLifecycle.IsClosed(referral.State))
        {
            return TypedResults.Problem(title: l["Referrals.MoveNotAllowed"], statusCode: StatusCodes.Status403Forbidden);
        }

        var problems = desk.LogAttempt(referral, request.Channel, request.Reached, request.Note);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems.ToDictionary(p => char.ToLowerInvariant(p.Field[0]) + p.Field[1..], p => new[] { p.Message }), title: l["Validation.CheckFields"]);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await ViewAsync(referral, side, desk, db, cancellationToken));
    }
}
