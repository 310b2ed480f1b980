using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Trama.Web.Data;

namespace Trama.Web.Features.Projects;

/// The project's documents in one list: the frozen care agreements, the signed consent forms and
/// the receipts, each opened where it lives and under that page's rules.
public sealed class DocumentsModel(AppDbContext db, ProjectAccess access) : PageModel
{
    public enum DocumentKind
    {
        Agreement,
        ConsentForm,
        Receipt,
    }

    public sealed record DocumentRow(DocumentKind Kind, string Name, DateTime AtUtc, string Url);

    public HealthBudgetProject Project { get; private set; } = null!;

    public IReadOnlyList<DocumentRow> Documents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
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

        Project = grant.Project;
        var rows = new List<DocumentRow>();
        var versions = await db.AgreementVersions.AsNoTracking().Where(v => v.ProjectId == id).OrderBy(v => v.Number)
            .Select(v => new { v.Number, v.FrozenAtUtc, v.Reason, Signatures = v.Signatures.Count }).ToListAsync();
        rows.AddRange(versions.Select(v => new DocumentRow(DocumentKind.Agreement, $"v{v.Number}" + (v.Reason is null ? string.Empty : $" – {v.Reason}") + $" ({v.Signatures})", v.FrozenAtUtc,
            Url.Content($"~/Projects/{id}/Agreement/Versions?n={v.Number}"))));
        if (grant.CanWork || grant.IsPerson)
        {
            var personId = grant.Project.PersonId;
            var forms = await db.Consents.AsNoTracking().Where(c => c.PersonId == personId && c.DocumentName != null)
                .Select(c => new { c.Id, c.DocumentName, c.RecordedAtUtc }).ToListAsync();
            rows.AddRange(forms.Select(c => new DocumentRow(DocumentKind.ConsentForm, c.DocumentName!, c.RecordedAtUtc,
                Url.Content($"~/Projects/{id}/Consents?handler=Document&consentId={c.Id}"))));
        }

        var viewer = grant.Viewer.UserId;
        var receipts = await db.Receipts.AsNoTracking().Where(r => r.ProjectId == id && (!r.IsObscured || r.UploadedByUserId == viewer || grant.IsCpsReferent))
            .Select(r => new { r.Id, r.FileName, r.UploadedAtUtc }).ToListAsync();
        rows.AddRange(receipts.Select(r => new DocumentRow(DocumentKind.Receipt, r.FileName, r.UploadedAtUtc,
            Url.Content($"~/Projects/{id}/Budget?handler=Receipt&receiptId={r.Id}"))));
        Documents = rows.OrderByDescending(r => r.AtUtc).ToList();
        return Page();
    }
}
