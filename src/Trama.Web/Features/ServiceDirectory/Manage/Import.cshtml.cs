using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trama.Web.Data;
using Trama.Web.Features.Account;

namespace Trama.Web.Features.ServiceDirectory.Manage;

/// Bulk changes to the guide from a file (Trama's CSV or an HSDS export): first a preview of
/// what each row will do and what is wrong with it, then, only for a file without errors, the import.
[Authorize(Roles = Roles.NetworkCoordinator)]
[RequestSizeLimit(MaxBytes + 64 * 1024)]
[RequestFormLimits(ValueLengthLimit = MaxBytes * 2, MultipartBodyLengthLimit = MaxBytes + 64 * 1024)]
public sealed class ImportModel(AppDbContext db, DirectoryImport import, DirectoryEditing editing, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int MaxBytes = 2 * 1024 * 1024;

    public IReadOnlyList<(Guid Id, string Name)> Territories { get; private set; } = [];

    public IReadOnlyList<ImportPlan>? Plans { get; private set; }

    public IReadOnlyList<string> FileProblems { get; private set; } = [];

    public bool CanApply => Plans is { Count: > 0 } && FileProblems.Count == 0 && Plans.All(p => p.Problems.Count == 0);

    [BindProperty]
    public Guid TerritoryId { get; set; }

    /// The previewed file, carried to the confirmation so that what is applied is what was shown.
    [BindProperty]
    public string? FileContent { get; set; }

    [BindProperty]
    public string? FileName { get; set; }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Territories = (await db.Territories.OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken)).Select(t => (t.Id, t.Name)).ToList();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        TerritoryId = Territories.Count > 0 ? Territories[0].Id : Guid.Empty;
    }

    public IActionResult OnGetTemplate() =>
        File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(DirectoryFile.CsvTemplate())).ToArray(), "text/csv", "guida-servizi-modello.csv");

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", l["Directory.Import.NoFile"]);
            return Page();
        }

        if (file.Length > MaxBytes)
        {
            ModelState.AddModelError("file", l["Directory.Import.TooBig", MaxBytes / 1024 / 1024]);
            return Page();
        }

        using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        FileContent = await reader.ReadToEndAsync(cancellationToken);
        FileName = Path.GetFileName(file.FileName);
        return await PreviewAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostApplyAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (string.IsNullOrEmpty(FileContent) || Territories.All(t => t.Id != TerritoryId))
        {
            ModelState.AddModelError("file", l["Directory.Import.NoFile"]);
            return Page();
        }

        var batch = DirectoryFile.Read(FileName ?? string.Empty, FileContent, editing.Today);
        var plans = await import.ApplyAsync(batch, TerritoryId, cancellationToken);
        if (batch.Problems.Count > 0 || plans.Any(p => p.Problems.Count > 0))
        {
            return await PreviewAsync(cancellationToken);
        }

        TempData["Status"] = l["Directory.Import.Done", plans.Count(p => p.Action == ImportAction.New), plans.Count(p => p.Action == ImportAction.Update), plans.Count(p => p.Action == ImportAction.Unchanged)].Value;
        return RedirectToPage("Index");
    }

    private async Task<IActionResult> PreviewAsync(CancellationToken cancellationToken)
    {
        if (Territories.All(t => t.Id != TerritoryId))
        {
            ModelState.AddModelError(nameof(TerritoryId), l["Validation.ValueInvalidHere"]);
            return Page();
        }

        var batch = DirectoryFile.Read(FileName ?? string.Empty, FileContent!, editing.Today);
        Plans = await import.PreviewAsync(batch, TerritoryId, cancellationToken);
        FileProblems = batch.Problems.Select(Describe).ToList();
        return Page();
    }

    public string Describe(ImportProblem problem) => l["Directory.Import.Row", problem.Row, l[problem.Key, problem.Args].Value].Value;
}
