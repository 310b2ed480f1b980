using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Trama.Web.Data;
using Trama.Web.Infrastructure;

namespace Trama.Web.Features.ServiceDirectory;

/// Finds services by words, category, language, opening and distance, a page at a time. Words,
/// category, language and "open now" filter in the database; distance is cut to a box there and
/// measured exactly here. Only the page's services are read in full: a region's directory has
/// thousands, and a list of all of them is neither fast nor readable.
public sealed class DirectorySearch(AppDbContext db, TimeProvider clock)
{
    public const int PageSize = 20;

    public static readonly double[] Radii = [0.5, 1, 2, 5, 10];

    public sealed record Criteria(string? Text, string? Category, string? Language, bool OpenNow, double? Latitude, double? Longitude, double RadiusKm, int Page = 1);

    public sealed record Hit(
        Guid ServiceId,
        string Name,
        string Organisation,
        string Description,
        string Place,
        string Address,
        double Latitude,
        double Longitude,
        double? DistanceKm,
        bool IsOpen,
        bool AcceptsReferrals,
        bool IsFree,
        IReadOnlyList<string> Categories,
        IReadOnlyList<string> Languages);

    /// One page of hits, nearest first near a point and by name otherwise; Total counts them all.
    public sealed record Result(IReadOnlyList<Hit> Hits, int Total, int Page)
    {
        public int Pages => Infrastructure.Pager.PagesFor(Total, PageSize);

        public int First => Total == 0 ? 0 : ((Page - 1) * PageSize) + 1;

        public int Last => First == 0 ? 0 : First + Hits.Count - 1;
    }

    private sealed record Candidate(Guid Id, string Name, string Place, double Latitude, double Longitude)
    {
        public double? DistanceKm { get; init; }
    }

    public DateTime LocalNow => Infrastructure.ItalianTime.FromUtc(clock.GetUtcNow().UtcDateTime);

    public async Task<Result> FindAsync(Criteria criteria, CancellationToken cancellationToken = default)
    {
        // Filtered through the join to each place's service, not a subquery per place: near a point
        // at a region's scale the box holds two hundred places, and the join reads each one's
        // service from an index that carries its state and name.
        var places = db.ServicesAtLocations.AsNoTracking().Where(a => a.Service.Status == ServiceStatus.Active || a.Service.Status == ServiceStatus.TemporarilyClosed);
        if (!string.IsNullOrWhiteSpace(criteria.Text))
        {
            foreach (var word in DirectoryService.Fold(criteria.Text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(6))
            {
                places = places.Where(a => a.Service.SearchText.Contains(word));
            }
        }

        if (!string.IsNullOrEmpty(criteria.Category))
        {
            places = places.Where(a => a.Service.Categories.Any(c => c.Code == criteria.Category));
        }

        if (!string.IsNullOrEmpty(criteria.Language))
        {
            var code = "," + criteria.Language + ",";
            places = places.Where(a => ("," + a.Service.Languages + ",").Contains(code));
        }

        var now = LocalNow;
        if (criteria.OpenNow)
        {
            places = places.Where(OpeningTimes.OpenAt(now));
        }

        if (criteria is { Latitude: { } lat, Longitude: { } lon })
        {
            var box = Geo.Box(lat, lon, criteria.RadiusKm);
            places = places.Where(a => a.Location.Latitude >= box.MinLatitude && a.Location.Latitude <= box.MaxLatitude
                && a.Location.Longitude >= box.MinLongitude && a.Location.Longitude <= box.MaxLongitude);
        }

        var candidates = await places
            .Select(a => new Candidate(a.Id, a.Service.Name, a.Location.Name, a.Location.Latitude, a.Location.Longitude))
            .ToListAsync(cancellationToken);
        var ordered = criteria is { Latitude: { } la, Longitude: { } lo }
            ? candidates.Select(c => c with { DistanceKm = Geo.DistanceKm(la, lo, c.Latitude, c.Longitude) })
                .Where(c => c.DistanceKm <= criteria.RadiusKm).OrderBy(c => c.DistanceKm).ThenBy(c => c.Name, Localisation.ItalianOrder).ToList()
            : candidates.OrderBy(c => c.Name, Localisation.ItalianOrder).ThenBy(c => c.Place, Localisation.ItalianOrder).ToList();

        var page = Math.Clamp(criteria.Page, 1, Infrastructure.Pager.PagesFor(ordered.Count, PageSize));
        var shown = ordered.Skip((page - 1) * PageSize).Take(PageSize).ToList();
        var ids = shown.Select(c => c.Id).ToList();

        // Projections rather than entities with their collections: a page needs a handful of
        // columns, and no-tracking split includes built new delegates on every request.
        var onPage = db.ServicesAtLocations.AsNoTracking().Where(a => ids.Contains(a.Id));
        var rows = await onPage
            .Select(a => new
            {
                a.Id,
                a.ServiceId,
                a.Service.Name,
                Organisation = a.Service.Organisation.Name,
                a.Service.Description,
                Place = a.Location.Name,
                a.Location.Street,
                a.Location.PostalCode,
                a.Location.City,
                a.Location.Latitude,
                a.Location.Longitude,
                a.Service.AcceptsReferrals,
                a.Service.IsFree,
                a.Service.Languages,
            })
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        var open = (await onPage.Where(OpeningTimes.OpenAt(now)).Select(a => a.Id).ToListAsync(cancellationToken)).ToHashSet();
        var categories = (await onPage.SelectMany(a => a.Service.Categories, (a, c) => new { a.Id, c.Code }).ToListAsync(cancellationToken))
            .ToLookup(c => c.Id, c => c.Code);

        var hits = shown.Where(c => rows.ContainsKey(c.Id)).Select(c =>
        {
            var a = rows[c.Id];
            return new Hit(a.ServiceId, a.Name, a.Organisation, a.Description, a.Place, DirectoryLocation.FormatAddress(a.Street, a.PostalCode, a.City), a.Latitude, a.Longitude,
                c.DistanceKm, open.Contains(c.Id), a.AcceptsReferrals, a.IsFree, categories[c.Id].Order(StringComparer.Ordinal).ToList(), DirectoryService.CodesOf(a.Languages));
        }).ToList();
        return new Result(hits, ordered.Count, page);
    }
}
