using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trama.Web.Data;
using Trama.Web.Features.Audit;

namespace Trama.Web.Features.Referrals;

/// One referral: what the receiver needs to reach the person, the steps so far, and the moves the
/// viewer's side may make. The sender sees the outcome, never the receiver's notes or calls.
[Authorize]
public sealed class DetailsModel(AppDbContext db, ReferralDesk desk, AuditTrail audit, Projects.ProjectAccess access, IStringLocalizer<SharedResource> l) : PageModel
{
    /// The CPS that accepted the referral may take it into a Budget di Salute project.
    public bool CanOpenProject { get; private set; }

    /// The project the referral belongs to, when the viewer may see it.
    public (Guid Id, string Code)? Project { get; private set; }

    public Referral Referral { get; private set; } = null!;

    /// Null for a coordinator who sees the referral only because it is overdue.
    public ReferralSide? Side { get; private set; }

    public bool IsOverdue => desk.IsOverdue(Referral);

    public IReadOnlyList<ReferralAction> Actions => Side is { } side ? ReferralLifecycle.Available(Referral.State, side).ToList() : [];

    public IReadOnlyDictionary<string, string> UserNames { get; private set; } = new Dictionary<string, string>();

    [BindProperty]
    public MoveInput Move { get; set; } = new();

    [BindProperty]
    public ContactInput Attempt { get; set; } = new();

    public sealed class MoveInput
    {
        public ReferralAction Action { get; set; }

        public string? Text { get; set; }

        public Guid Version { get; set; }
    }

    public sealed class ContactInput
    {
        public ContactChannel Channel { get; set; }

        public bool Reached { get; set; }

        public string? Note { get; set; }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var referral = await desk.FindAsync(id, cancellationToken);
        if (referral is null)
        {
            return NotFound();
        }

        Referral = referral;
        Side = await desk.SideAsync(referral, cancellationToken);
        var ids = referral.Events.Select(e => e.ByUserId).Concat(referral.ContactAttempts.Select(a => a.ByUserId)).Append(referral.CreatedByUserId).Distinct().ToList();
        UserNames = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        await audit.RecordReadAsync(nameof(Referral), referral.Id.ToString(), null, cancellationToken);
        CanOpenProject = Side == ReferralSide.Receiver && referral.ProjectId is null
            && referral.State is ReferralState.Accepted or ReferralState.InProgress
            && referral.Service.Organisation.Kind == Organisations.OrganisationKind.MentalHealthCentre
            && Projects.Viewer.IsCareStaff(User);
        if (referral.ProjectId is { } projectId && await access.FindAsync(User, projectId) is { } grant)
        {
            Project = (projectId, grant.Project.Person.PseudonymousCode);
        }

        return null;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostMoveAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        ModelState.Clear();
        switch (desk.Move(Referral, Side, Move.Action, Move.Text, Move.Version))
        {
            case MoveCheck.NotAllowed:
                return Forbid();
            case MoveCheck.Stale:
                ModelState.AddModelError(string.Empty, l["Referrals.Conflict"]);
                return Page();
            case MoveCheck.TextNeeded:
                ModelState.AddModelError($"{nameof(Move)}.{nameof(Move.Text)}", l[$"Referrals.TextNeeded.{Move.Action}"]);
                return Page();
            case MoveCheck.TextTooLong:
                ModelState.AddModelError($"{nameof(Move)}.{nameof(Move.Text)}", l["Validation.MaxLength", l["Referrals.Text"], 2000]);
                return Page();
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, l["Referrals.Conflict"]);
            return Page();
        }

        TempData["Status"] = l[$"Referrals.Done.{Move.Action}"].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostContactAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        ModelState.Clear();
        if (Side != ReferralSide.Receiver || ReferralLifecycle.IsClosed(Referral.State))
        {
            return Forbid();
        }

        foreach (var (field, message) in desk.LogAttempt(Referral, Attempt.Channel, Attempt.Reached, Attempt.Note))
        {
            ModelState.AddModelError($"{nameof(Attempt)}.{field}", message);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["Status"] = l["Referrals.Attempt.Saved"].Value;
        return RedirectToPage(new { id });
    }

    public string NameOf(string userId) => UserNames.GetValueOrDefault(userId, "—");
}
