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

        var staff = Rate(nameof(SettingsInput.StaffHourlyRate), input.StaffHourlyRate);
        var peer = Rate(nameof(SettingsInput.PeerHourlyRate), input.PeerHourlyRate);
        var volunteer = Rate(nameof(SettingsInput.VolunteerHourlyRate), input.VolunteerHourlyRate);
        for (var i = 0; i < input.Phases.Count; i++)
        {
            var phase = input.Phases[i];
            if (string.IsNullOrWhiteSpace(phase.NameIt) != string.IsNullOrWhiteSpace(phase.NameEn))
            {
                ModelState.AddModelError($"Input.Phases[{i}].NameIt", l["Programmes.Settings.PhaseBoth"]);
            }
        }

        if (input.Phases.Select(p => p.State).Distinct().Count() != input.Phases.Count || input.Phases.Any(p => !Enum.IsDefined(p.State)))
        {
            ModelState.AddModelError(string.Empty, l["Validation.ValueInvalid"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Programme.ReviewIntervalMonths = input.ReviewIntervalMonths;
        Programme.StaffHourlyRateCents = staff!.Value;
        Programme.PeerHourlyRateCents = peer!.Value;
        Programme.VolunteerHourlyRateCents = volunteer!.Value;
        Programme.Version = Guid.NewGuid();
        db.PhaseNames.RemoveRange(await db.PhaseNames.Where(p => p.ProgrammeId == Programme.Id).ToListAsync());
        db.PhaseNames.AddRange(input.Phases.Where(p => !string.IsNullOrWhiteSpace(p.NameIt))
            .Select(p => new PhaseName { ProgrammeId = Programme.Id, State = p.State, NameIt = p.NameIt!.Trim(), NameEn = p.NameEn!.Trim() }));
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
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

        var code = area.Code?.Trim().ToLowerInvariant();
        if (existing is null && (string.IsNullOrEmpty(code) || !System.Text.RegularExpressions.Regex.IsMatch(code, "^[a-z0-9-]{2,40}$")))
        {
            ModelState.AddModelError("Area.Code", l["Programmes.Areas.CodeFormat"]);
        }
        else if (existing is null && Areas.Any(a => a.Code == code))
        {
            ModelState.AddModelError("Area.Code", l["Programmes.Areas.CodeTaken"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (existing is null)
        {
            db.LifeAreas.Add(new LifeArea
            {
                ProgrammeId = Programme.Id,
                Code = code!,
                NameIt = area.NameIt.Trim(),
                NameEn = area.NameEn.Trim(),
                NationalArea = area.NationalArea,
                SortOrder = area.SortOrder ?? (Areas.Count == 0 ? 0 : Areas.Max(a => a.SortOrder) + 1),
            });
        }
        else
        {
            var tracked = db.LifeAreas.Attach(existing).Entity;
            tracked.NameIt = area.NameIt.Trim();
            tracked.NameEn = area.NameEn.Trim();
            tracked.NationalArea = area.NationalArea;
            tracked.SortOrder = area.SortOrder ?? existing.SortOrder;
        }

        await db.SaveChangesAsync();
        TempData["Status"] = l["Programmes.Areas.Saved"].Value;
        return Redirect(Url.Content("~/Programmes/Settings#areas"));
    }

    private long? Rate(string field, string? text)
    {
        var cents = Money.ParseCents(text);
        if (cents is null)
        {
            ModelState.AddModelError($"Input.{field}", l["Budget.AmountFormat", l[$"Programmes.Settings.{field}"]]);
        }
        else if (cents < 0 || cents > 100_000)
        {
            ModelState.AddModelError($"Input.{field}", l["Programmes.Settings.RateRange"]);
        }

        return cents;
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
        [Range(1, 24, ErrorMessage = "Validation.Range")]
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
