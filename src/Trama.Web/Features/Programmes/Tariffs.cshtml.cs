using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trama.Web.Data;
using Trama.Web.Features.Account;
using Trama.Web.Features.Budget;
using Trama.Web.Features.Projects;

namespace Trama.Web.Features.Programmes;

/// The tariff table of the current programme's territory. A rate is never changed in place: a new
/// rate starts on a later date and closes the one before, so past costs keep the rate they had.
[Authorize(Roles = $"{Roles.Administrator},{Roles.NetworkCoordinator},{Roles.Clinician},{Roles.SocialWorker},{Roles.Funder}")]
public sealed class TariffsModel(AppDbContext db, ProgrammeContext programmes, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public Territory Territory { get; private set; } = null!;

    public IReadOnlyList<TariffTableEntry> Rows { get; private set; } = [];

    public bool MayEdit => User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.NetworkCoordinator);

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    [BindProperty]
    public TariffInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refused)
        {
            return refused;
        }

        Input.ValidFrom = new DateOnly(Today.Year + 1, 1, 1);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } refused)
        {
            return refused;
        }

        if (!MayEdit)
        {
            return Forbid();
        }

        var health = Money.ParseCents(Input.HealthShare);
        var social = Money.ParseCents(Input.SocialShare);
        if (health is null or < 0)
        {
            ModelState.AddModelError("Input.HealthShare", l["Budget.AmountFormat", l["Programmes.Tariffs.HealthShare"]]);
        }

        if (social is null or < 0)
        {
            ModelState.AddModelError("Input.SocialShare", l["Budget.AmountFormat", l["Programmes.Tariffs.SocialShare"]]);
        }

        if (health + social == 0)
        {
            ModelState.AddModelError("Input.HealthShare", l["Programmes.Tariffs.Zero"]);
        }

        var previous = Rows.Where(r => r.Intensity == Input.Intensity).OrderByDescending(r => r.ValidFrom).FirstOrDefault();
        if (Input.ValidFrom is { } from && previous is not null && from <= previous.ValidFrom)
        {
            ModelState.AddModelError("Input.ValidFrom", l["Programmes.Tariffs.AfterPrevious", previous.ValidFrom.ToString("d", System.Globalization.CultureInfo.CurrentCulture)]);
        }

        if (!Enum.IsDefined(Input.Intensity) || !Enum.IsDefined(Input.Unit))
        {
            ModelState.AddModelError(string.Empty, l["Validation.ValueInvalid"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (previous is not null && (previous.ValidTo is null || previous.ValidTo >= Input.ValidFrom))
        {
            db.TariffTable.Attach(previous).Entity.ValidTo = Input.ValidFrom!.Value.AddDays(-1);
        }

        db.TariffTable.Add(new TariffTableEntry
        {
            TerritoryId = Territory.Id,
            Intensity = Input.Intensity,
            Unit = Input.Unit,
            HealthShareCents = health!.Value,
            SocialShareCents = social!.Value,
            ValidFrom = Input.ValidFrom!.Value,
        });
        await db.SaveChangesAsync();
        TempData["Status"] = l["Programmes.Tariffs.Saved"].Value;
        return Redirect(Url.Content("~/Programmes/Tariffs"));
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var current = await programmes.CurrentAsync();
        if (current is null)
        {
            return NotFound();
        }

        Territory = await db.Programmes.AsNoTracking().Where(p => p.Id == current.Id).Select(p => p.Territory).SingleAsync();
        Rows = (await db.TariffTable.AsNoTracking().Where(t => t.TerritoryId == Territory.Id).ToListAsync())
            .OrderByDescending(t => t.Intensity).ThenByDescending(t => t.ValidFrom).ToList();
        return null;
    }

    public sealed class TariffInput
    {
        [Display(Name = "Projects.Intensity")]
        public Intensity Intensity { get; set; } = Intensity.Medium;

        [Display(Name = "Programmes.Tariffs.Unit")]
        public TariffUnit Unit { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Programmes.Tariffs.HealthShare")]
        public string? HealthShare { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Programmes.Tariffs.SocialShare")]
        public string? SocialShare { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Programmes.Tariffs.ValidFrom")]
        public DateOnly? ValidFrom { get; set; }
    }
}
