using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trama.Web.Data;

namespace Trama.Web.Features.Projects;

/// The signed versions of a project's care agreement: each frozen, with its signatories; the person
/// accepts in the app; the CPS makes an addendum when the plan changes; two versions can be compared.
public sealed class AgreementVersionsModel(AppDbContext db, ProjectAccess access, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Line(string Text, char Change);

    public ProjectAccess.Grant Grant { get; private set; } = null!;

    public IReadOnlyList<AgreementVersion> Versions { get; private set; } = [];

    public AgreementVersion? Shown { get; private set; }

    /// Section by section, the lines of version <see cref="CompareFrom"/> and the shown one: '+' added, '−' removed, ' ' same.
    public IReadOnlyList<(string Section, IReadOnlyList<Line> Lines)>? Comparison { get; private set; }

    public int? CompareFrom { get; private set; }

    public bool PlanChangedSinceShown { get; private set; }

    // Two forms on one page: each handler binds only its own (an absent prefix would otherwise
    // fall back to the bare field names).
    public SignatureInput Signature { get; set; } = new();

    [StringLength(1000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Projects.Agreement.AddendumReason")]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int? n, int? from)
    {
        if (await LoadAsync(id, n) is { } refused)
        {
            return refused;
        }

        Signature.SignedOn = access.Today;
        if (from is { } f && Shown is not null && Versions.FirstOrDefault(v => v.Number == f) is { } older)
        {
            CompareFrom = f;
            Comparison = Compare(older.Read(), Shown.Read());
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSignAsync(Guid id, int n, [Bind(Prefix = "Signature")] SignatureInput signature)
    {
        Signature = signature;
        if (await LoadAsync(id, n) is { } refused)
        {
            return refused;
        }

        if (!Grant.CanWork || Shown is null)
        {
            return Forbid();
        }

        foreach (var (field, message) in await AgreementSigning.CheckAsync(db, Grant.Project.PersonId, Shown, Signature.Kind, Signature.SignedOn, access.Today, l))
        {
            ModelState.AddModelError($"Signature.{field}", message);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.AgreementSignatures.Add(new AgreementSignature
        {
            AgreementVersionId = Shown.Id,
            ProjectId = id,
            Kind = Signature.Kind,
            Name = Signature.Name.Trim(),
            Capacity = string.IsNullOrWhiteSpace(Signature.Capacity) ? null : Signature.Capacity.Trim(),
            SignedOn = Signature.SignedOn!.Value,
            RecordedByUserId = Grant.Viewer.UserId,
            RecordedAtUtc = access.NowUtc,
        });
        await db.SaveChangesAsync();
        TempData["Status"] = l["Projects.Agreement.SignatureRecorded"].Value;
        return Redirect(Url.Content($"~/Projects/{id}/Agreement/Versions?n={n}"));
    }

    /// The person, signed in, accepts the agreement themselves.
    public async Task<IActionResult> OnPostAcceptAsync(Guid id, int n)
    {
        ModelState.Clear();
        if (await LoadAsync(id, n) is { } refused)
        {
            return refused;
        }

        if (!Grant.IsPerson || Shown is null)
        {
            return Forbid();
        }

        if (!Shown.Signatures.Any(s => s.AcceptedInApp))
        {
            db.AgreementSignatures.Add(new AgreementSignature
            {
                AgreementVersionId = Shown.Id,
                ProjectId = id,
                Kind = SignatoryKind.Person,
                Name = User.FindFirst(Account.TramaClaims.DisplayName)?.Value ?? Grant.Project.Person.PseudonymousCode,
                SignedOn = access.Today,
                AcceptedInApp = true,
                RecordedByUserId = Grant.Viewer.UserId,
                RecordedAtUtc = access.NowUtc,
            });
            await db.SaveChangesAsync();
        }

        TempData["Status"] = l["Projects.Agreement.Accepted"].Value;
        return Redirect(Url.Content($"~/Projects/{id}/Agreement/Versions?n={n}"));
    }

    /// A change to a signed plan: freeze it again as an addendum, with the reason.
    public async Task<IActionResult> OnPostAddendumAsync(Guid id, [StringLength(1000, ErrorMessage = "Validation.MaxLength")] string? reason)
    {
        Reason = reason;
        if (await LoadAsync(id, null) is { } refused)
        {
            return refused;
        }

        if (!Grant.IsCps || Versions.Count == 0 || !ProjectLifecycle.IsOpen(Grant.Project.State))
        {
            return Forbid();
        }

        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), l["Validation.Required", l["Projects.Agreement.AddendumReason"]]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var version = await AgreementContent.FreezeAsync(db, id, Grant.Viewer.UserId, access.NowUtc, Reason!.Trim(), l);
        await db.SaveChangesAsync();
        TempData["Status"] = l["Projects.Agreement.AddendumMade", version.Number].Value;
        return Redirect(Url.Content($"~/Projects/{id}/Agreement/Versions?n={version.Number}&from={version.Number - 1}"));
    }

    private async Task<IActionResult?> LoadAsync(Guid id, int? n)
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

        Grant = grant;
        Versions = await db.AgreementVersions.AsNoTracking().Include(v => v.Signatures).Where(v => v.ProjectId == id).OrderBy(v => v.Number).ToListAsync();
        Shown = n is { } number ? Versions.FirstOrDefault(v => v.Number == number) : (Versions.Count > 0 ? Versions[^1] : null);
        if (n is not null && Shown is null)
        {
            return NotFound();
        }

        if (Shown is not null && Shown == Versions[^1])
        {
            var now = System.Text.Json.JsonSerializer.Serialize(await AgreementContent.OfAsync(db, id, l));
            PlanChangedSinceShown = now != Shown.Content;
        }

        return null;
    }

    private static List<(string Section, IReadOnlyList<Line> Lines)> Compare(AgreementContent before, AgreementContent after) =>
        before.Sections().Zip(after.Sections(), (b, a) =>
        {
            var lines = new List<Line>();
            lines.AddRange(b.Lines.Select(x => new Line(x, a.Lines.Contains(x) ? ' ' : '−')));
            lines.AddRange(a.Lines.Where(x => !b.Lines.Contains(x)).Select(x => new Line(x, '+')));
            return (b.Section, (IReadOnlyList<Line>)lines);
        }).ToList();

    public sealed class SignatureInput
    {
        [Display(Name = "Projects.Agreement.SignatoryKind")]
        public SignatoryKind Kind { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Projects.Agreement.SignatoryName")]
        public string Name { get; set; } = string.Empty;

        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Projects.Agreement.Capacity")]
        public string? Capacity { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Projects.Agreement.SignedOn")]
        public DateOnly? SignedOn { get; set; }
    }
}
