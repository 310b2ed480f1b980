using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Trama.Web.Data;

namespace Trama.Web.Features.ServiceDirectory;

/// The public guide to the neighbourhood's services: anyone, signed in or not, on a phone too.
[AllowAnonymous]
public sealed class IndexModel(AppDbContext db, DirectorySearch search, IOptions<DirectoryOptions> options, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Text { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Language { get; set; }

    [BindProperty(SupportsGet = true, Name = "open")]
    public bool OpenNow { get; set; }

    /// A place of the directory to measure from, or "me" for the browser's position in Lat/Lon.
    [BindProperty(SupportsGet = true)]
    public string? Near { get; set; }

    [BindProperty(SupportsGet = true)]
    public double? Lat { get; set; }

    [BindProperty(SupportsGet = true)]
    public double? Lon { get; set; }

    [BindProperty(SupportsGet = true)]
    public double Radius { get; set; } = 1;

    /// A care team looking for a service for the person of this project: carried to the referral.
    [BindProperty(SupportsGet = true)]
    public Guid? Project { get; set; }

    public IReadOnlyList<ServiceCategory> Categories { get; private set; } = [];

    public IReadOnlyList<string> Languages { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Places { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public DirectorySearch.Result Found { get; private set; } = new([], 0, 1);

    public IReadOnlyList<DirectorySearch.Hit> Hits => Found.Hits;

    public bool Searched { get; private set; }

    public DirectoryOptions Map => options.Value;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Categories = await db.ServiceCategories.AsNoTracking().OrderBy(c => c.Code).ToListAsync(cancellationToken);
        var languages = await db.DirectoryServices.AsNoTracking().Select(s => s.Languages).Distinct().ToListAsync(cancellationToken);
        Languages = languages.SelectMany(s => s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).Distinct().Order(StringComparer.Ordinal).ToList();

        // The landmarks of the network to measure from: the places of the programmes' partner
        // organisations, not every one of a region's ten thousand places (a list nobody can scroll).
        // Asked as "organisation among the partners'" so that SQLite starts from the two hundred
        // partners and looks their places up by index; a correlated EXISTS scanned every place.
        var partners = db.ProgrammePartners.Select(pp => pp.OrganisationId);
        Places = (await db.DirectoryLocations.AsNoTracking()
                .Where(p => partners.Contains(p.OrganisationId))
                .Select(p => new { p.Id, p.Name }).Take(500).ToListAsync(cancellationToken))
            .OrderBy(p => p.Name, Infrastructure.Localisation.ItalianOrder).Select(p => (p.Id, p.Name)).ToList();

        if (!DirectorySearch.Radii.Contains(Radius))
        {
            ModelState.AddModelError(string.Empty, l["Directory.RadiusInvalid"]);
            Radius = 1;
        }

        if (Category is not null && Categories.All(c => c.Code != Category))
        {
            Category = null;
        }

        if (Language is not null && !Languages.Contains(Language))
        {
            Language = null;
        }

        double? latitude = null, longitude = null;
        if (Near == "me")
        {
            if (Lat is >= -90 and <= 90 && Lon is >= -180 and <= 180)
            {
                (latitude, longitude) = (Lat, Lon);
            }
            else
            {
                ModelState.AddModelError(string.Empty, l["Directory.PositionUnknown"]);
            }
        }
        else if (Guid.TryParse(Near, out var placeId))
        {
            var place = await db.DirectoryLocations.AsNoTracking().Where(p => p.Id == placeId).Select(p => new { p.Latitude, p.Longitude }).SingleOrDefaultAsync(cancellationToken);
            if (place is null)
            {
                ModelState.AddModelError(string.Empty, l["Directory.PlaceUnknown"]);
            }
            else
            {
                (latitude, longitude) = (place.Latitude, place.Longitude);
            }
        }

        Searched = Request.Query.Count > 0;
        Found = await search.FindAsync(new DirectorySearch.Criteria(Text, Category, Language, OpenNow, latitude, longitude, Radius, PageNumber), cancellationToken);
        PageNumber = Found.Page;
    }

    /// The same search on another page.
    public Dictionary<string, string?> RouteFor(int page) => new()
    {
        ["q"] = Text,
        ["category"] = Category,
        ["language"] = Language,
        ["open"] = OpenNow ? "true" : null,
        ["near"] = Near,
        ["lat"] = Near == "me" ? Lat?.ToString(CultureInfo.InvariantCulture) : null,
        ["lon"] = Near == "me" ? Lon?.ToString(CultureInfo.InvariantCulture) : null,
        ["radius"] = Near is null ? null : Radius.ToString(CultureInfo.InvariantCulture),
        ["project"] = Project?.ToString(),
        ["p"] = page.ToString(CultureInfo.InvariantCulture),
    };

    public string CategoryName(string code) =>
        Categories.FirstOrDefault(c => c.Code == code)?.Name(CultureInfo.CurrentUICulture) ?? code;

    public static string LanguageName(string code) => Infrastructure.Text.LanguageName(code);
}

/// The `Trama:Directory` section: the map's tiles. Without a tile server the map still shows the
/// points on a plain background, and the list works without the map at all.
public sealed class DirectoryOptions
{
    public const string Section = "Trama:Directory";

    /// e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png (mind the tile server's usage policy).
    public string? TileUrl { get; set; }

    public string? TileAttribution { get; set; }
}
