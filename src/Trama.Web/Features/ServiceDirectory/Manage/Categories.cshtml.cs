using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trama.Web.Data;
using Trama.Web.Features.Account;

namespace Trama.Web.Features.ServiceDirectory.Manage;

/// The guide's categories: network coordinators rename them in both languages and add new ones.
/// Codes stay, since the HSDS export and imports refer to them.
[Authorize(Roles = Roles.NetworkCoordinator)]
public sealed partial class CategoriesModel(AppDbContext db, DirectoryEditing editing, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<(ServiceCategory Category, int Services)> Categories { get; private set; } = [];

    /// The row whose save failed, shown again as typed with its errors.
    public CategoryInput? Failed { get; private set; }

    public sealed class CategoryInput
    {
        public Guid? Id { get; set; }

        [Display(Name = "Directory.Categories.Code")]
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(40, ErrorMessage = "Validation.MaxLength")]
        public string? Code { get; set; }

        [Display(Name = "Directory.Categories.NameIt")]
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(100, ErrorMessage = "Validation.MaxLength")]
        public string? NameIt { get; set; }

        [Display(Name = "Directory.Categories.NameEn")]
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(100, ErrorMessage = "Validation.MaxLength")]
        public string? NameEn { get; set; }

        public Guid Version { get; set; }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var rows = await db.ServiceCategories.AsNoTracking()
            .Select(c => new { Category = c, Services = c.Services.Count })
            .ToListAsync(cancellationToken);
        Categories = rows.OrderBy(r => r.Category.NameIt, Infrastructure.Localisation.ItalianOrder).Select(r => (r.Category, r.Services)).ToList();
    }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync([Bind(Prefix = "Category")] CategoryInput category, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Failed = category;
        var existing = category.Id is { } id ? await db.ServiceCategories.SingleOrDefaultAsync(c => c.Id == id, cancellationToken) : null;
        if (category.Id is not null && existing is null)
        {
            return NotFound();
        }

        if (existing is not null)
        {
            category.Code = existing.Code;
        }
        else if (category.Code is { } code && !CodeFormat().IsMatch(code))
        {
            ModelState.AddModelError("Category.Code", l["Directory.Categories.CodeFormat"]);
        }
        else if (category.Code is { } taken && Categories.Any(c => c.Category.Code == taken))
        {
            ModelState.AddModelError("Category.Code", l["Directory.Categories.CodeTaken"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (existing is not null && existing.Version != category.Version)
        {
            ModelState.AddModelError(string.Empty, l["Directory.Edit.Conflict"]);
            return Page();
        }

        var saved = existing ?? db.ServiceCategories.Add(new ServiceCategory { Code = category.Code!, NameIt = string.Empty, NameEn = string.Empty }).Entity;
        if (existing is not null)
        {
            db.Entry(saved).Property(c => c.Version).OriginalValue = category.Version;
        }

        var changed = new List<string>();
        if (saved.NameIt != category.NameIt!.Trim())
        {
            saved.NameIt = category.NameIt.Trim();
            changed.Add("NameIt");
        }

        if (saved.NameEn != category.NameEn!.Trim())
        {
            saved.NameEn = category.NameEn.Trim();
            changed.Add("NameEn");
        }

        if (existing is not null && changed.Count == 0)
        {
            TempData["Status"] = l["Directory.Edit.NothingChanged"].Value;
            return RedirectToPage();
        }

        saved.Version = Guid.NewGuid();
        editing.Record("Category", saved.Id, existing is null ? ["Created"] : changed);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, l["Directory.Edit.Conflict"]);
            return Page();
        }

        // A renamed category must be found by its new name: the services' search text follows.
        if (existing is not null)
        {
            var services = await db.DirectoryServices.Include(s => s.Organisation).Include(s => s.Categories)
                .Where(s => s.Categories.Any(c => c.Id == saved.Id)).ToListAsync(cancellationToken);
            services.ForEach(s => s.RefreshSearchText());
            await db.SaveChangesAsync(cancellationToken);
        }

        TempData["Status"] = l["Directory.Edit.Saved", saved.NameIt].Value;
        return RedirectToPage();
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,39}$")]
    private static partial Regex CodeFormat();
}
