using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trama.Web.Data;

namespace Trama.Web.Features.ServiceDirectory.Manage;

/// Adds or changes a service of the guide: what it is, who it is for, its categories, and at which
/// of its organisation's places it is given, with hours and closures. The entry's history below.
[Authorize(Roles = DirectoryEditing.EditorRoles)]
public sealed class EditServiceModel(AppDbContext db, DirectoryEditing editing, IStringLocalizer<SharedResource> l) : PageModel
{
    public DirectoryService? Service { get; private set; }

    public IReadOnlyList<(Guid Id, string Name)> Organisations { get; private set; } = [];

    public IReadOnlyList<ServiceCategory> Categories { get; private set; } = [];

    public IReadOnlyList<DirectoryLocation> Places { get; private set; } = [];

    public IReadOnlyList<DirectoryEditing.HistoryRow> History { get; private set; } = [];

    [BindProperty]
    public ServiceInput Input { get; set; } = new();

    public sealed class ServiceInput
    {
        [Display(Name = "Directory.Edit.Organisation")]
        public Guid OrganisationId { get; set; }

        [Display(Name = "Directory.Edit.Name")]
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        public string? Name { get; set; }

        [Display(Name = "Directory.Edit.Description")]
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
        public string? Description { get; set; }

        [Display(Name = "Directory.Edit.Status")]
        public ServiceStatus Status { get; set; }

        [Display(Name = "Directory.Edit.Eligibility")]
        [StringLength(1000, ErrorMessage = "Validation.MaxLength")]
        public string? Eligibility { get; set; }

        [Display(Name = "Directory.Edit.MinimumAge")]
        [Range(0, 120, ErrorMessage = "Validation.Range")]
        public int? MinimumAge { get; set; }

        [Display(Name = "Directory.Edit.MaximumAge")]
        [Range(0, 120, ErrorMessage = "Validation.Range")]
        public int? MaximumAge { get; set; }

        [Display(Name = "Directory.Edit.HowToAccess")]
        [StringLength(1000, ErrorMessage = "Validation.MaxLength")]
        public string? HowToAccess { get; set; }

        [Display(Name = "Directory.Edit.IsFree")]
        public bool IsFree { get; set; }

        [Display(Name = "Directory.Edit.Cost")]
        [StringLength(500, ErrorMessage = "Validation.MaxLength")]
        public string? Cost { get; set; }

        [Display(Name = "Directory.Edit.Capacity")]
        [StringLength(500, ErrorMessage = "Validation.MaxLength")]
        public string? Capacity { get; set; }

        [Display(Name = "Directory.Edit.Languages")]
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(100, ErrorMessage = "Validation.MaxLength")]
        [RegularExpression(@"^\s*[a-zA-Z]{2}(\s*,\s*[a-zA-Z]{2})*\s*$", ErrorMessage = "Directory.Edit.LanguagesFormat")]
        public string? Languages { get; set; } = "it";

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

        [Display(Name = "Directory.Edit.AcceptsReferrals")]
        public bool AcceptsReferrals { get; set; }

        [Display(Name = "Directory.Edit.LastVerifiedOn")]
        [Required(ErrorMessage = "Validation.Required")]
        public DateOnly? LastVerifiedOn { get; set; }

        public List<Guid> Categories { get; set; } = [];

        public List<PlaceInput> Places { get; set; } = [];

        public Guid Version { get; set; }
    }

    public sealed class PlaceInput
    {
        public Guid LocationId { get; set; }

        public bool Offered { get; set; }

        public List<DayInput> Days { get; set; } = [];

        public string? Closures { get; set; }
    }

    private async Task<IActionResult?> LoadAsync(Guid? id, CancellationToken cancellationToken)
    {
        var mine = await editing.OrganisationsAsync(cancellationToken);
        if (id is { } serviceId)
        {
            Service = await db.DirectoryServices.AsSplitQuery()
                .Include(s => s.Organisation)
                .Include(s => s.Categories)
                .Include(s => s.Locations).ThenInclude(a => a.Hours)
                .Include(s => s.Locations).ThenInclude(a => a.Closures)
                .SingleOrDefaultAsync(s => s.Id == serviceId && mine.Contains(s.OrganisationId), cancellationToken);
            if (Service is null)
            {
                return NotFound();
            }

            History = await editing.HistoryAsync("Service", serviceId, cancellationToken);
        }

        Organisations = (await db.Organisations.Where(o => mine.Contains(o.Id)).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken))
            .Select(o => (o.Id, o.Name)).ToList();
        if (Organisations.Count == 0)
        {
            return Forbid();
        }

        Categories = await db.ServiceCategories.AsNoTracking().ToListAsync(cancellationToken);
        Categories = Categories.OrderBy(c => c.Name(System.Globalization.CultureInfo.CurrentUICulture), StringComparer.CurrentCulture).ToList();
        return null;
    }

    private async Task LoadPlacesAsync(Guid organisationId, CancellationToken cancellationToken) =>
        Places = await db.DirectoryLocations.AsNoTracking().Where(l => l.OrganisationId == organisationId).OrderBy(l => l.Name).ToListAsync(cancellationToken);

    /// The form rows of the organisation's places, keeping what was typed for the ones posted.
    private void AlignPlaces()
    {
        var posted = Input.Places.Where(p => p.LocationId != Guid.Empty).GroupBy(p => p.LocationId).ToDictionary(g => g.Key, g => g.First());
        Input.Places = Places.Select(place => posted.TryGetValue(place.Id, out var p) ? p : new PlaceInput { LocationId = place.Id, Days = Schedule.Days([]) }).ToList();
        foreach (var p in Input.Places)
        {
            var byDay = p.Days.Where(d => Enum.IsDefined(d.Day)).GroupBy(d => d.Day).ToDictionary(g => g.Key, g => g.First());
            p.Days = Schedule.Week.Select(d => byDay.GetValueOrDefault(d) ?? new DayInput { Day = d }).ToList();
        }
    }

    public async Task<IActionResult> OnGetAsync(Guid? id, Guid? organisation, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Service is { } s)
        {
            Input = new ServiceInput
            {
                OrganisationId = s.OrganisationId,
                Name = s.Name,
                Description = s.Description,
                Status = s.Status,
                Eligibility = s.Eligibility,
                MinimumAge = s.MinimumAge,
                MaximumAge = s.MaximumAge,
                HowToAccess = s.HowToAccess,
                IsFree = s.IsFree,
                Cost = s.Cost,
                Capacity = s.Capacity,
                Languages = s.Languages,
                Phone = s.Phone,
                Email = s.Email,
                Website = s.Website,
                AcceptsReferrals = s.AcceptsReferrals,
                LastVerifiedOn = s.LastVerifiedOn,
                Categories = s.Categories.Select(c => c.Id).ToList(),
                Places = s.Locations.Select(a => new PlaceInput
                {
                    LocationId = a.LocationId,
                    Offered = true,
                    Days = Schedule.Days(a.Hours.Select(h => (h.Day, h.Opens, h.Closes))),
                    Closures = Schedule.FormatClosures(a.Closures.Select(c => (c.From, c.To, c.Reason))),
                }).ToList(),
                Version = s.Version,
            };
        }
        else
        {
            Input.OrganisationId = organisation is { } o && Organisations.Any(x => x.Id == o) ? o : Organisations[0].Id;
            Input.LastVerifiedOn = editing.Today;
            Input.IsFree = true;
        }

        await LoadPlacesAsync(Input.OrganisationId, cancellationToken);
        AlignPlaces();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Service is not null)
        {
            Input.OrganisationId = Service.OrganisationId;
        }
        else if (Organisations.All(o => o.Id != Input.OrganisationId))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.OrganisationId)}", l["Validation.ValueInvalidHere"]);
            Input.OrganisationId = Organisations[0].Id;
        }

        await LoadPlacesAsync(Input.OrganisationId, cancellationToken);
        AlignPlaces();
        Check();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (Service is { } existing && existing.Version != Input.Version)
        {
            ModelState.AddModelError(string.Empty, l["Directory.Edit.Conflict"]);
            return Page();
        }

        var service = Service ?? db.DirectoryServices.Add(new DirectoryService { OrganisationId = Input.OrganisationId, Name = string.Empty, Description = string.Empty }).Entity;
        if (Service is not null)
        {
            db.Entry(service).Property(s => s.Version).OriginalValue = Input.Version;
        }

        var changed = Apply(service);
        if (Service is not null && changed.Count == 0)
        {
            TempData["Status"] = l["Directory.Edit.NothingChanged"].Value;
            return RedirectToPage(new { id = service.Id });
        }

        service.Version = Guid.NewGuid();
        service.LastModifiedUtc = editing.UtcNow;
        await db.Entry(service).Reference(s => s.Organisation).LoadAsync(cancellationToken);
        service.RefreshSearchText();
        editing.Record("Service", service.Id, Service is null ? ["Created"] : changed);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, l["Directory.Edit.Conflict"]);
            return Page();
        }

        TempData["Status"] = l["Directory.Edit.Saved", service.Name].Value;
        return RedirectToPage(new { id = service.Id });
    }

    private void Check()
    {
        if (!Enum.IsDefined(Input.Status))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Status)}", l["Validation.ValueInvalidHere"]);
        }

        if (Input.MinimumAge is { } min && Input.MaximumAge is { } max && max < min)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.MaximumAge)}", l["Directory.Edit.AgesBackwards"]);
        }

        if (Input.LastVerifiedOn is { } verified && verified > editing.Today)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.LastVerifiedOn)}", l["Validation.NotInFuture"]);
        }

        if (Input.Categories.Any(c => Categories.All(x => x.Id != c)))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Categories)}", l["Validation.ValueInvalidHere"]);
        }

        for (var p = 0; p < Input.Places.Count; p++)
        {
            var place = Input.Places[p];
            if (!place.Offered)
            {
                continue;
            }

            foreach (var (day, field, error) in Schedule.Check(place.Days))
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Places)}[{p}].{nameof(PlaceInput.Days)}[{day}].{field}", l[error]);
            }

            foreach (var (line, error) in Schedule.ParseClosures(place.Closures).Errors)
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Places)}[{p}].{nameof(PlaceInput.Closures)}", l[error, line]);
            }
        }
    }

    /// Copies the input onto the service and names what changed, for the entry's history.
    private IReadOnlyList<string> Apply(DirectoryService s)
    {
        var changes = new FieldChanges();
        static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        var languages = string.Join(',', Input.Languages!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.ToLowerInvariant()).Distinct());
        changes.Set("Name", s.Name, Input.Name!.Trim(), v => s.Name = v);
        changes.Set("Description", s.Description, Input.Description!.Trim(), v => s.Description = v);
        changes.Set("Status", s.Status, Input.Status, v => s.Status = v);
        changes.Set("Eligibility", s.Eligibility, Clean(Input.Eligibility), v => s.Eligibility = v);
        changes.Set("MinimumAge", s.MinimumAge, Input.MinimumAge, v => s.MinimumAge = v);
        changes.Set("MaximumAge", s.MaximumAge, Input.MaximumAge, v => s.MaximumAge = v);
        changes.Set("HowToAccess", s.HowToAccess, Clean(Input.HowToAccess), v => s.HowToAccess = v);
        changes.Set("IsFree", s.IsFree, Input.IsFree, v => s.IsFree = v);
        changes.Set("Cost", s.Cost, Clean(Input.Cost), v => s.Cost = v);
        changes.Set("Capacity", s.Capacity, Clean(Input.Capacity), v => s.Capacity = v);
        changes.Set("Languages", s.Languages, languages, v => s.Languages = v);
        changes.Set("Phone", s.Phone, Clean(Input.Phone), v => s.Phone = v);
        changes.Set("Email", s.Email, Clean(Input.Email), v => s.Email = v);
        changes.Set("Website", s.Website, Clean(Input.Website), v => s.Website = v);
        changes.Set("AcceptsReferrals", s.AcceptsReferrals, Input.AcceptsReferrals, v => s.AcceptsReferrals = v);
        changes.Set("LastVerifiedOn", s.LastVerifiedOn, Input.LastVerifiedOn!.Value, v => s.LastVerifiedOn = v);

        var categories = Categories.Where(c => Input.Categories.Contains(c.Id)).Select(c => c.Id).ToHashSet();
        if (!categories.SetEquals(s.Categories.Select(c => c.Id)))
        {
            s.Categories.RemoveAll(c => !categories.Contains(c.Id));
            foreach (var id in categories.Where(id => s.Categories.All(c => c.Id != id)))
            {
                var category = db.ServiceCategories.Local.FirstOrDefault(c => c.Id == id) ?? db.ServiceCategories.Attach(Categories.First(c => c.Id == id)).Entity;
                s.Categories.Add(category);
            }

            changes.Add("Categories");
        }

        foreach (var place in Input.Places)
        {
            var at = s.Locations.FirstOrDefault(a => a.LocationId == place.LocationId);
            if (!place.Offered)
            {
                if (at is not null)
                {
                    s.Locations.Remove(at);
                    db.Remove(at);
                    changes.Add("Places");
                }

                continue;
            }

            if (at is null)
            {
                at = new ServiceAtLocation { ServiceId = s.Id, LocationId = place.LocationId };
                s.Locations.Add(at);
                changes.Add("Places");
            }

            changes.Schedule(db, at, Schedule.Hours(place.Days), Schedule.ParseClosures(place.Closures).Closures);
        }

        return changes.Fields;
    }

    public string PlaceName(Guid id) => Places.FirstOrDefault(p => p.Id == id)?.Name ?? "—";
}
