using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
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

    public DateOnly Today => Infrastructure.ItalianTime.Today(clock);

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
        var rate = new Rate(Input.Intensity, Input.Unit, health, social, Input.ValidFrom);
        var previous = Check(rate, Rows, "Input", ModelState, l);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        Add(db, Territory.Id, rate, previous);
        await db.SaveChangesAsync();
        TempData["Status"] = l["Programmes.Tariffs.Saved"].Value;
        return Redirect(Url.Content("~/Programmes/Tariffs"));
    }

    /// A new rate as the page and the API send it, in cents.
    public sealed record Rate(Intensity Intensity, TariffUnit Unit, long? HealthShareCents, long? SocialShareCents, DateOnly? ValidFrom);

    /// The table's rules, for the page and the API: shares not negative and not both zero, and a
    /// start after the current rate's. Gives the rate the new one follows, if any.
    public static TariffTableEntry? Check(Rate rate, IReadOnlyList<TariffTableEntry> rows, string prefix, ModelStateDictionary state, IStringLocalizer l)
    {
        if (rate.HealthShareCents is null or < 0)
        {
            state.AddModelError($"{prefix}.HealthShare", l["Budget.AmountFormat", l["Programmes.Tariffs.HealthShare"]]);
        }

        if (rate.SocialShareCents is null or < 0)
        {
            state.AddModelError($"{prefix}.SocialShare", l["Budget.AmountFormat", l["Programmes.Tariffs.SocialShare"]]);
        }

        if (rate.HealthShareCents + rate.SocialShareCents == 0)
        {
            state.AddModelError($"{prefix}.HealthShare", l["Programmes.Tariffs.Zero"]);
        }

        if (rate.ValidFrom is null && state.GetFieldValidationState($"{prefix}.ValidFrom") != ModelValidationState.Invalid)
        {
            state.AddModelError($"{prefix}.ValidFrom", l["Validation.Required", l["Programmes.Tariffs.ValidFrom"]]);
        }

        var previous = rows.Where(r => r.Intensity == rate.Intensity).OrderByDescending(r => r.ValidFrom).FirstOrDefault();
        if (rate.ValidFrom is { } from && previous is not null && from <= previous.ValidFrom)
        {
            state.AddModelError($"{prefix}.ValidFrom", l["Programmes.Tariffs.AfterPrevious", previous.ValidFrom.ToString("d", System.Globalization.CultureInfo.CurrentCulture)]);
        }

        if (!Enum.IsDefined(rate.Intensity) || !Enum.IsDefined(rate.Unit))
        {
            state.AddModelError(string.Empty, l["Validation.ValueInvalid"]);
        }

        return previous;
    }

    /// Adds a checked rate and closes the one it follows the day before; the caller saves.
    public static TariffTableEntry Add(AppDbContext db, Guid territoryId, Rate rate, TariffTableEntry? previous)
    {
        if (previous is not null && (previous.ValidTo is null || previous.ValidTo >= rate.ValidFrom))
        {
            db.TariffTable.Attach(previous).Entity.ValidTo = rate.ValidFrom!.Value.AddDays(-1);
        }

        return db.TariffTable.Add(new TariffTableEntry
        {
            TerritoryId = territoryId,
            Intensity = rate.Intensity,
            Unit = rate.Unit,
            HealthShareCents = rate.HealthShareCents!.Value,
            SocialShareCents = rate.SocialShareCents!.Value,
            ValidFrom = rate.ValidFrom!.Value,
        }).Entity;
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
