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

/// The current programme's own settings: review interval, what an hour of time is worth, the
/// names of the lifecycle phases and the life areas. Administrators and the programme's
/// network coordinators keep them.
[Authorize(Roles = $"{Roles.Administrator},{Roles.NetworkCoordinator}")]
public sealed class SettingsModel(AppDbContext db, ProgrammeContext programmes, PhaseNames phases, IStringLocalizer<SharedResource> l) : PageModel
{
    public Programme Programme { get; private set; } = null!;

    public IReadOnlyList<LifeArea> Areas { get; private set; } = [];

    public SettingsInput Input { get; set; } = new();

    /// The area whose edit failed, with what was typed, shown in place of the saved values.
    public AreaInput? FailedArea { get; private set; }

    public string StandardName(ProjectState state) => phases.Standard(state);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refused)
        {
            return refused;
        }

        await FillInputAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([Bind(Prefix = nameof(Input))] SettingsInput input)
    {
        Input = input;
        if (await LoadAsync(track: true) is { } refused)
        {
            return refused;
        }

        if (input.Version != Programme.Version)
        {
            ModelState.AddModelError(string.Empty, l["Programmes.Settings.Conflict"]);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        var staff = Parse(nameof(SettingsInput.StaffHourlyRate), input.StaffHourlyRate);
        var peer = Parse(nameof(SettingsInput.PeerHourlyRate), input.PeerHourlyRate);
        var volunteer = Parse(nameof(SettingsInput.VolunteerHourlyRate), input.VolunteerHourlyRate);
        var settings = new Settings(input.ReviewIntervalMonths, staff ?? 0, peer ?? 0, volunteer ?? 0, input.Phases);
        Check(settings, "Input", ModelState, l);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!await SaveAsync(db, Programme, settings))
        {
            ModelState.AddModelError(string.Empty, l["Programmes.Settings.Conflict"]);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        TempData["Status"] = l["Programmes.Settings.Saved"].Value;
        return Redirect(Url.Content("~/Programmes/Settings"));
    }

    /// Adds a life area, or renames one; an area in use is never deleted, so goals and budget
    /// lines keep their meaning.
    public async Task<IActionResult> OnPostAreaAsync([Bind(Prefix = "Area")] AreaInput area)
    {
        if (await LoadAsync(track: true) is { } refused)
        {
            return refused;
        }

        await FillInputAsync();
        FailedArea = area;
        var existing = area.Id is { } id ? Areas.FirstOrDefault(a => a.Id == id) : null;
        if (area.Id is not null && existing is null)
        {
            return NotFound();
        }

        CheckArea(area, existing, Areas, "Area", ModelState, l);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        SaveArea(db, Programme.Id, area, existing, Areas);
        await db.SaveChangesAsync();
        TempData["Status"] = l["Programmes.Areas.Saved"].Value;
        return Redirect(Url.Content("~/Programmes/Settings#areas"));
    }

    private long? Parse(string field, string? text)
    {
        var cents = Money.ParseCents(text);
        if (cents is null)
        {
            ModelState.AddModelError($"Input.{field}", l["Budget.AmountFormat", l[$"Programmes.Settings.{field}"]]);
        }

        return cents;
    }

    /// The programme's settings in cents, as the page and the API send them.
    public sealed record Settings(int ReviewIntervalMonths, long StaffHourlyRateCents, long PeerHourlyRateCents, long VolunteerHourlyRateCents, IReadOnlyList<PhaseInput> Phases);

    /// The settings' rules, for the page and the API: errors go under <paramref name="prefix"/>.
    public static void Check(Settings settings, string prefix, ModelStateDictionary state, IStringLocalizer l)
    {
        if (settings.ReviewIntervalMonths is < 1 or > 24)
        {
            state.AddModelError($"{prefix}.{nameof(SettingsInput.ReviewIntervalMonths)}", l["Validation.Range", l["Programmes.Settings.ReviewIntervalMonths"], 1, 24]);
        }

        foreach (var (field, cents) in new[]
        {
            (nameof(SettingsInput.StaffHourlyRate), settings.StaffHourlyRateCents),
            (nameof(SettingsInput.PeerHourlyRate), settings.PeerHourlyRateCents),
            (nameof(SettingsInput.VolunteerHourlyRate), settings.VolunteerHourlyRateCents),
        })
        {
            if ((cents < 0 || cents > 100_000) && state.GetFieldValidationState($"{prefix}.{field}") != ModelValidationState.Invalid)
            {
                state.AddModelError($"{prefix}.{field}", l["Programmes.Settings.RateRange"]);
            }
        }

        for (var i = 0; i < settings.Phases.Count; i++)
        {
            var phase = settings.Phases[i];
            if (string.IsNullOrWhiteSpace(phase.NameIt) != string.IsNullOrWhiteSpace(phase.NameEn))
            {
                state.AddModelError($"{prefix}.Phases[{i}].NameIt", l["Programmes.Settings.PhaseBoth"]);
            }
        }

        if (settings.Phases.Select(p => p.State).Distinct().Count() != settings.Phases.Count || settings.Phases.Any(p => !Enum.IsDefined(p.State)))
        {
            state.AddModelError(string.Empty, l["Validation.ValueInvalid"]);
        }
    }

    /// Saves checked settings on the tracked programme; false when someone else saved first.
    public static async Task<bool> SaveAsync(AppDbContext db, Programme programme, Settings settings)
    {
        programme.ReviewIntervalMonths = settings.ReviewIntervalMonths;
        programme.StaffHourlyRateCents = settings.StaffHourlyRateCents;
        programme.PeerHourlyRateCents = settings.PeerHourlyRateCents;
        programme.VolunteerHourlyRateCents = settings.VolunteerHourlyRateCents;
        programme.Version = Guid.NewGuid();
        db.PhaseNames.RemoveRange(await db.PhaseNames.Where(p => p.ProgrammeId == programme.Id).ToListAsync());
        db.PhaseNames.AddRange(settings.Phases.Where(p => !string.IsNullOrWhiteSpace(p.NameIt))
            .Select(p => new PhaseName { ProgrammeId = programme.Id, State = p.State, NameIt = p.NameIt!.Trim(), NameEn = p.NameEn!.Trim() }));
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    /// A new area needs a free code of its own; an existing one keeps its code.
    public static void CheckArea(AreaInput area, LifeArea? existing, IReadOnlyList<LifeArea> areas, string prefix, ModelStateDictionary state, IStringLocalizer l)
    {
        var code = area.Code?.Trim().ToLowerInvariant();
        if (existing is null && (string.IsNullOrEmpty(code) || !System.Text.RegularExpressions.Regex.IsMatch(code, "^[a-z0-9-]{2,40}$")))
        {
            state.AddModelError($"{prefix}.Code", l["Programmes.Areas.CodeFormat"]);
        }
        else if (existing is null && areas.Any(a => a.Code == code))
        {
            state.AddModelError($"{prefix}.Code", l["Programmes.Areas.CodeTaken"]);
        }

        if (!Enum.IsDefined(area.NationalArea))
        {
            state.AddModelError($"{prefix}.NationalArea", l["Validation.ValueInvalidHere"]);
        }
    }

    /// Adds the area, or renames the existing one (read without tracking); the caller saves.
    public static LifeArea SaveArea(AppDbContext db, Guid programmeId, AreaInput area, LifeArea? existing, IReadOnlyList<LifeArea> areas)
    {
        if (existing is null)
        {
            return db.LifeAreas.Add(new LifeArea
            {
                ProgrammeId = programmeId,
                Code = area.Code!.Trim().ToLowerInvariant(),
                NameIt = area.NameIt.Trim(),
                NameEn = area.NameEn.Trim(),
                NationalArea = area.NationalArea,
                SortOrder = area.SortOrder ?? (areas.Count == 0 ? 0 : areas.Max(a => a.SortOrder) + 1),
            }).Entity;
        }

        var tracked = db.LifeAreas.Attach(existing).Entity;
        tracked.NameIt = area.NameIt.Trim();
        tracked.NameEn = area.NameEn.Trim();
        tracked.NationalArea = area.NationalArea;
        tracked.SortOrder = area.SortOrder ?? existing.SortOrder;
        return tracked;
    }

    private async Task FillInputAsync()
    {
        var own = await db.PhaseNames.AsNoTracking().Where(p => p.ProgrammeId == Programme.Id).ToDictionaryAsync(p => p.State);
        Input = new SettingsInput
        {
            ReviewIntervalMonths = Programme.ReviewIntervalMonths,
            StaffHourlyRate = Money.Input(Programme.StaffHourlyRateCents),
            PeerHourlyRate = Money.Input(Programme.PeerHourlyRateCents),
            VolunteerHourlyRate = Money.Input(Programme.VolunteerHourlyRateCents),
            Phases = Enum.GetValues<ProjectState>().Select(s => new PhaseInput { State = s, NameIt = own.GetValueOrDefault(s)?.NameIt, NameEn = own.GetValueOrDefault(s)?.NameEn }).ToList(),
            Version = Programme.Version,
        };
    }

    private async Task<IActionResult?> LoadAsync(bool track = false)
    {
        var current = await programmes.CurrentAsync();
        if (current is null)
        {
            return NotFound();
        }

        var query = track ? db.Programmes : db.Programmes.AsNoTracking();
        Programme = await query.Include(p => p.Territory).SingleAsync(p => p.Id == current.Id);
        Areas = await db.LifeAreas.AsNoTracking().Where(a => a.ProgrammeId == current.Id).OrderBy(a => a.SortOrder).ToListAsync();
        return null;
    }

    public sealed class SettingsInput
    {
        [Display(Name = "Programmes.Settings.ReviewIntervalMonths")]
        public int ReviewIntervalMonths { get; set; } = 3;

        [Display(Name = "Programmes.Settings.StaffHourlyRate")]
        public string? StaffHourlyRate { get; set; }

        [Display(Name = "Programmes.Settings.PeerHourlyRate")]
        public string? PeerHourlyRate { get; set; }

        [Display(Name = "Programmes.Settings.VolunteerHourlyRate")]
        public string? VolunteerHourlyRate { get; set; }

        public List<PhaseInput> Phases { get; set; } = [];

        public Guid Version { get; set; }
    }

    public sealed class PhaseInput
    {
        public ProjectState State { get; set; }

        [StringLength(60, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Programmes.Settings.PhaseIt")]
        public string? NameIt { get; set; }

        [StringLength(60, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Programmes.Settings.PhaseEn")]
        public string? NameEn { get; set; }
    }

    public sealed class AreaInput
    {
        public Guid? Id { get; set; }

        [StringLength(40, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Programmes.Areas.Code")]
        public string? Code { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(100, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Programmes.Areas.NameIt")]
        public string NameIt { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(100, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Programmes.Areas.NameEn")]
        public string NameEn { get; set; } = string.Empty;

        [Display(Name = "Programmes.Areas.NationalArea")]
        public NationalArea NationalArea { get; set; }

        [Range(0, 99, ErrorMessage = "Validation.Range")]
        [Display(Name = "Programmes.Areas.SortOrder")]
        public int? SortOrder { get; set; }
    }
}
