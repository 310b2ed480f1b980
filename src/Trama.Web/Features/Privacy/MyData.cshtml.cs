using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Trama.Web.Data;
using Trama.Web.Features.Account;

namespace Trama.Web.Features.Privacy;

/// The person's copy of everything Trama holds about them: a readable page and a JSON download.
[Authorize(Roles = Roles.Beneficiary)]
public sealed class MyDataModel(AppDbContext db, PersonalData data) : PageModel
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public PersonalData.Export? Export { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Export = await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnGetJsonAsync()
    {
        var export = await LoadAsync();
        return export is null ? NotFound() : File(JsonSerializer.SerializeToUtf8Bytes(export, Json), "application/json", $"trama-{export.Person.PseudonymousCode}.json");
    }

    private async Task<PersonalData.Export?> LoadAsync()
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var personId = await db.People.Where(p => p.UserId == userId).Select(p => (Guid?)p.Id).SingleOrDefaultAsync();
        return personId is null ? null : await data.ExportAsync(personId.Value);
    }
}
