using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trama.Web.Data;

namespace Trama.Web.Features.ServiceDirectory.Manage;

/// Adds or changes a place of an organisation: address, coordinates for the map and distances,
/// step-free access and transport.
[Authorize(Roles = DirectoryEditing.EditorRoles)]
public sealed class EditPlaceModel(AppDbContext db, DirectoryEditing editing, IStringLocalizer<SharedResource> l) : PageModel
{
    public DirectoryLocation? Place { get; private set; }

    public IReadOnlyList<(Guid Id, string Name)> Organisations { get; private set; } = [];

    public IReadOnlyList<DirectoryEditing.HistoryRow> History { get; private set; } = [];

    [BindProperty]
    public PlaceInput Input { get; set; } = new();

    public sealed class PlaceInput
    {
        [Display(Name = "Directory.Edit.Organisation")]
        public Guid OrganisationId { get; set; }

        [Display(Name = "Directory.Place.Name")]
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        public string? Name { get; set; }

        [Display(Name = "Directory.Place.Street")]
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        public string? Street { get; set; }

        [Display(Name = "Directory.Place.PostalCode")]
        [Required(ErrorMessage = "Validation.Required")]
        [RegularExpression(@"^\d{5}$", ErrorMessage = "Directory.Place.PostalCodeFormat")]
        public string? PostalCode { get; set; }

        [Display(Name = "Directory.Place.City")]
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(100, ErrorMessage = "Validation.MaxLength")]
        public string? City { get; set; }

        [Display(Name = "Directory.Place.Province")]
        [Required(ErrorMessage = "Validation.Required")]
        [RegularExpression(@"^[A-Za-z]{2}$", ErrorMessage = "Directory.Place.ProvinceFormat")]
        public string? Province { get; set; } = "MI";

        /// Text, so that "45.5585" copied from a map and "45,5585" typed the Italian way both read.
        [Display(Name = "Directory.Place.Latitude")]
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(20, ErrorMessage = "Validation.MaxLength")]
        public string? Latitude { get; set; }

        [Display(Name = "Directory.Place.Longitude")]
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(20, ErrorMessage = "Validation.MaxLength")]
        public string? Longitude { get; set; }

        [Display(Name = "Directory.Place.Accessibility")]
        [StringLength(500, ErrorMessage = "Validation.MaxLength")]
        public string? Accessibility { get; set; }

        [Display(Name = "Directory.Place.Transport")]
        [StringLength(500, ErrorMessage = "Validation.MaxLength")]
        public string? Transport { get; set; }

        public Guid Version { get; set; }
    }

    private async Task<IActionResult?> LoadAsync(Guid? id, CancellationToken cancellationToken)
    {
        var mine = await editing.OrganisationsAsync(cancellationToken);
        if (id is { } placeId)
        {
            Place = await db.DirectoryLocations.Include(p => p.Organisation).SingleOrDefaultAsync(p => p.Id == placeId && mine.Contains(p.OrganisationId), cancellationToken);
            if (Place is null)
            {
                return NotFound();
            }

            History = await editing.HistoryAsync("Location", placeId, cancellationToken);
        }

        Organisations = (await db.Organisations.Where(o => mine.Contains(o.Id)).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken))
            .Select(o => (o.Id, o.Name)).ToList();
        return Organisations.Count == 0 ? Forbid() : null;
    }

    public async Task<IActionResult> OnGetAsync(Guid? id, Guid? organisation, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        Input = Place is { } p
            ? new PlaceInput
            {
                OrganisationId = p.OrganisationId,
                Name = p.Name,
                Street = p.Street,
                PostalCode = p.PostalCode,
                City = p.City,
                Province = p.Province,
                Latitude = p.Latitude.ToString("0.######", System.Globalization.CultureInfo.CurrentCulture),
                Longitude = p.Longitude.ToString("0.######", System.Globalization.CultureInfo.CurrentCulture),
                Accessibility = p.Accessibility,
                Transport = p.Transport,
                Version = p.Version,
            }
            : new PlaceInput { OrganisationId = organisation is { } o && Organisations.Any(x => x.Id == o) ? o : Organisations[0].Id };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Place is not null)
        {
            Input.OrganisationId = Place.OrganisationId;
        }
        else if (Organisations.All(o => o.Id != Input.OrganisationId))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.OrganisationId)}", l["Validation.ValueInvalidHere"]);
        }

        // Italy lies between about 35.5° and 47.1° N and 6.6° and 18.5° E.
        var latitude = Coordinate(Input.Latitude, 35.0, 47.5, nameof(Input.Latitude));
        var longitude = Coordinate(Input.Longitude, 6.0, 19.0, nameof(Input.Longitude));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (Place is { } existing && existing.Version != Input.Version)
        {
            ModelState.AddModelError(string.Empty, l["Directory.Edit.Conflict"]);
            return Page();
        }

        var place = Place ?? db.DirectoryLocations.Add(new DirectoryLocation { OrganisationId = Input.OrganisationId, Name = string.Empty, Street = string.Empty, PostalCode = string.Empty, City = string.Empty }).Entity;
        if (Place is not null)
        {
            db.Entry(place).Property(p => p.Version).OriginalValue = Input.Version;
        }

        var changed = new FieldChanges();
        static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        changed.Set("Name", place.Name, Input.Name!.Trim(), v => place.Name = v);
        changed.Set("Street", place.Street, Input.Street!.Trim(), v => place.Street = v);
        changed.Set("PostalCode", place.PostalCode, Input.PostalCode!.Trim(), v => place.PostalCode = v);
        changed.Set("City", place.City, Input.City!.Trim(), v => place.City = v);
        changed.Set("Province", place.Province, Input.Province!.Trim().ToUpperInvariant(), v => place.Province = v);
        changed.Set("Coordinates", (place.Latitude, place.Longitude), (Math.Round(latitude, 6), Math.Round(longitude, 6)), v => (place.Latitude, place.Longitude) = v);
        changed.Set("Accessibility", place.Accessibility, Clean(Input.Accessibility), v => place.Accessibility = v);
        changed.Set("Transport", place.Transport, Clean(Input.Transport), v => place.Transport = v);
        if (Place is not null && changed.Count == 0)
        {
            TempData["Status"] = l["Directory.Edit.NothingChanged"].Value;
            return RedirectToPage(new { id = place.Id });
        }

        place.Version = Guid.NewGuid();
        editing.Record("Location", place.Id, Place is null ? ["Created"] : changed.Fields);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, l["Directory.Edit.Conflict"]);
            return Page();
        }

        TempData["Status"] = l["Directory.Edit.Saved", place.Name].Value;
        return RedirectToPage(new { id = place.Id });
    }

    private double Coordinate(string? text, double min, double max, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return 0;
        }

        if (!double.TryParse(text.Trim().Replace(',', '.'), System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            ModelState.AddModelError($"{nameof(Input)}.{field}", l["Directory.Place.CoordinateFormat"]);
        }
        else if (value < min || value > max)
        {
            ModelState.AddModelError($"{nameof(Input)}.{field}", l["Directory.Place.OutsideItaly"]);
        }

        return value;
    }
}
