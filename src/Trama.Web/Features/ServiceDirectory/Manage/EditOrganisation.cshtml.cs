using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trama.Web.Data;
using Trama.Web.Features.Organisations;

namespace Trama.Web.Features.ServiceDirectory.Manage;

/// An organisation as the guide and the HSDS export present it: description, contacts and its
/// identifiers (codice fiscale or partita IVA, third-sector register number).
[Authorize(Roles = DirectoryEditing.EditorRoles)]
public sealed class EditOrganisationModel(AppDbContext db, DirectoryEditing editing, IStringLocalizer<SharedResource> l) : PageModel
{
    public Organisation Organisation { get; private set; } = null!;

    public IReadOnlyList<DirectoryEditing.HistoryRow> History { get; private set; } = [];

    [BindProperty]
    public OrganisationInput Input { get; set; } = new();

    public sealed class OrganisationInput
    {
        [Display(Name = "Directory.Organisation.Name")]
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        public string? Name { get; set; }

        [Display(Name = "Directory.Organisation.Description")]
        [StringLength(2000, ErrorMessage = "Validation.MaxLength")]
        public string? Description { get; set; }

        [Display(Name = "Directory.Organisation.TaxCode")]
        [StringLength(16, ErrorMessage = "Validation.MaxLength")]
        public string? TaxCode { get; set; }

        [Display(Name = "Directory.Organisation.ThirdSectorNumber")]
        [StringLength(30, ErrorMessage = "Validation.MaxLength")]
        public string? ThirdSectorNumber { get; set; }

        [Display(Name = "Directory.Organisation.Address")]
        [StringLength(300, ErrorMessage = "Validation.MaxLength")]
        public string? Address { get; set; }

        [Display(Name = "Directory.Edit.Phone")]
        [StringLength(40, ErrorMessage = "Validation.MaxLength")]
        public string? Phone { get; set; }

        [Display(Name = "Directory.Edit.Email")]
        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        public string? Email { get; set; }

        [Display(Name = "Directory.Edit.Website")]
        [StringLength(300, ErrorMessage = "Validation.MaxLength")]
        [Url(ErrorMessage = "Directory.Edit.WebsiteFormat")]
        public string? Website { get; set; }

        public Guid Version { get; set; }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await editing.MayEditAsync(id, cancellationToken) || await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, cancellationToken) is not { } organisation)
        {
            return NotFound();
        }

        Organisation = organisation;
        History = await editing.HistoryAsync("Organisation", id, cancellationToken);
        return null;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var o = Organisation;
        Input = new OrganisationInput { Name = o.Name, Description = o.Description, TaxCode = o.TaxCode, ThirdSectorNumber = o.ThirdSectorNumber, Address = o.Address, Phone = o.Phone, Email = o.Email, Website = o.Website, Version = o.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        var taxCode = Clean(Input.TaxCode) is { } typed ? People.FiscalCode.Normalise(typed) : null;

        // An organisation's codice fiscale is the 11-digit number (often its partita IVA); a sole
        // trader's is their personal 16-character code.
        if (taxCode is not null && People.FiscalCode.Check(taxCode) is not { IsValid: true, Kind: People.FiscalCodeKind.Personal or People.FiscalCodeKind.Provisional })
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.TaxCode)}", l["Directory.Organisation.TaxCodeInvalid"]);
        }

        var name = Input.Name?.Trim();
        if (name is not null && await db.Organisations.AnyAsync(o => o.Id != id && o.TerritoryId == Organisation.TerritoryId && o.Name == name, cancellationToken))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Name)}", l["Directory.Organisation.NameTaken"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (Organisation.Version != Input.Version)
        {
            ModelState.AddModelError(string.Empty, l["Directory.Edit.Conflict"]);
            return Page();
        }

        var o = Organisation;
        db.Entry(o).Property(x => x.Version).OriginalValue = Input.Version;
        var changed = new FieldChanges();
        changed.Set("Name", o.Name, name, v => o.Name = v!);
        changed.Set("Description", o.Description, Clean(Input.Description), v => o.Description = v);
        changed.Set("TaxCode", o.TaxCode, taxCode, v => o.TaxCode = v);
        changed.Set("ThirdSectorNumber", o.ThirdSectorNumber, Clean(Input.ThirdSectorNumber), v => o.ThirdSectorNumber = v);
        changed.Set("Address", o.Address, Clean(Input.Address), v => o.Address = v);
        changed.Set("Phone", o.Phone, Clean(Input.Phone), v => o.Phone = v);
        changed.Set("Email", o.Email, Clean(Input.Email), v => o.Email = v);
        changed.Set("Website", o.Website, Clean(Input.Website), v => o.Website = v);
        if (changed.Count == 0)
        {
            TempData["Status"] = l["Directory.Edit.NothingChanged"].Value;
            return RedirectToPage(new { id });
        }

        o.Version = Guid.NewGuid();
        editing.Record("Organisation", o.Id, changed.Fields);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, l["Directory.Edit.Conflict"]);
            return Page();
        }

        // The organisation's name is part of its services' search text.
        if (changed.Fields.Contains("Name"))
        {
            var services = await db.DirectoryServices.Include(s => s.Organisation).Include(s => s.Categories).Where(s => s.OrganisationId == id).ToListAsync(cancellationToken);
            services.ForEach(s => s.RefreshSearchText());
            await db.SaveChangesAsync(cancellationToken);
        }

        TempData["Status"] = l["Directory.Edit.Saved", o.Name].Value;
        return RedirectToPage(new { id });
    }
}
