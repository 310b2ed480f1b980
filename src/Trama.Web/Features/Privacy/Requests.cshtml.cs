using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trama.Web.Data;
using Trama.Web.Features.Account;

namespace Trama.Web.Features.Privacy;

/// The privacy officer answers a person's requests: a copy of their data, or erasure.
[Authorize(Roles = Roles.PrivacyOfficer)]
public sealed class RequestsModel(AppDbContext db, PersonalData data, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "code")]
    [StringLength(40, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Privacy.Emergency.Code")]
    public string? Code { get; set; }

    public PersonalData.Export? Export { get; private set; }

    public bool Searched => !string.IsNullOrWhiteSpace(Code);

    public async Task<IActionResult> OnGetAsync()
    {
        if (Searched && ModelState.IsValid && await FindAsync() is { } id)
        {
            Export = await data.ExportAsync(id);
        }

        return Page();
    }

    public async Task<IActionResult> OnGetJsonAsync()
    {
        var export = await FindAsync() is { } id ? await data.ExportAsync(id) : null;
        return export is null ? NotFound() : File(JsonSerializer.SerializeToUtf8Bytes(export, MyDataModel.Json), "application/json", $"trama-{export.Person.PseudonymousCode}.json");
    }

    public async Task<IActionResult> OnPostEraseAsync(string confirm)
    {
        if (await FindAsync() is not { } id)
        {
            return NotFound();
        }

        var code = await db.People.Where(p => p.Id == id).Select(p => p.PseudonymousCode).SingleAsync();
        if (!string.Equals(confirm?.Trim(), code, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError("confirm", l["Privacy.Requests.ConfirmMismatch"]);
            Export = await data.ExportAsync(id);
            return Page();
        }

        var outcome = await data.EraseAsync(id);
        if (outcome != PersonalData.ErasureOutcome.Erased)
        {
            ModelState.AddModelError(string.Empty, l[$"Privacy.Requests.{outcome}"]);
            Export = await data.ExportAsync(id);
            return Page();
        }

        TempData["Status"] = l["Privacy.Requests.Erased", code].Value;
        return Redirect(Url.Content($"~/Privacy/Requests?code={Uri.EscapeDataString(code)}"));
    }

    private async Task<Guid?> FindAsync()
    {
        if (string.IsNullOrWhiteSpace(Code) || Code.Length > 40)
        {
            return null;
        }

        var code = Code.Trim().ToUpperInvariant();
        return await db.People.Where(p => p.PseudonymousCode == code || p.FiscalCode == code).Select(p => (Guid?)p.Id).FirstOrDefaultAsync();
    }
}
