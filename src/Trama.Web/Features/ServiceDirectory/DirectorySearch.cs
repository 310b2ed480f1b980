using Microsoft.EntityFrameworkCore;
using Trama.Web.Data;

namespace Trama.Web.Features.ServiceDirectory;

/// Finds services by words, category, language, opening and distance. Words, category and
/// language filter in the database; distance is cut to a box there and measured exactly here.
public sealed class DirectorySearch(AppDbContext db, TimeProvider clock)
{
    public static readonly double[] Radii = [0.5, 1, 2, 5, 10];

    public sealed record Criteria(string? Text, string? Category, string? Language, bool OpenNow, double? Latitude, double? Longitude, double RadiusKm);

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

    public DateTime LocalNow => Infrastructure.ItalianTime.FromUtc(clock.GetUtcNow().UtcDateTime);

    public async Task<IReadOnlyList<Hit>> FindAsync(Criteria criteria, CancellationToken cancellationToken = default)
    {
        var services = db.DirectoryServices.AsNoTracking().Where(s => s.Status == ServiceStatus.Active || s.Status == ServiceStatus.TemporarilyClosed);
        if (!string.IsNullOrWhiteSpace(criteria.Text))
        {
            foreach (var word in DirectoryService.Fold(criteria.Text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(6))
            {
                services = services.Where(s => s.SearchText.Contains(word));
            }
        }

        if (!string.IsNullOrEmpty(criteria.Category))
        {
            services = services.Where(s => s.Categories.Any(c => c.Code == criteria.Category));
        }

        if (!string.IsNullOrEmpty(criteria.Language))
        {
            var code = "," + criteria.Language + ",";
            services = services.Where(s => ("," + s.Languages + ",").Contains(code));
        }

        var places = db.ServicesAtLocations.AsNoTracking().Where(a => services.Any(s => s.Id == a.ServiceId));
        if (criteria is { Latitude: { } lat, Longitude: { } lon })
        {
            var box = Geo.Box(lat, lon, criteria.RadiusKm);
            places = places.Where(a => a.Location.Latitude >= box.MinLatitude && a.Location.Latitude <= box.MaxLatitude
                && a.Location.Longitude >= box.MinLongitude && a.Location.Longitude <= box.MaxLongitude);
        }

        var rows = await places
            .Include(a => a.Location)
            .Include(a => a.Hours)
            .Include(a => a.Closures)
            .Include(a => a.Service).ThenInclude(s => s.Organisation)
            .Include(a => a.Service).ThenInclude(s => s.Categories)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        var now = LocalNow;
        var hits = rows.Select(a =>
        {
            double? distance = criteria is { Latitude: { } la, Longitude: { } lo } ? Geo.DistanceKm(la, lo, a.Location.Latitude, a.Location.Longitude) : null;
            var open = a.Service.Status == ServiceStatus.Active && OpeningTimes.IsOpen(a.Hours, a.Closures, now);
            return new Hit(a.ServiceId, a.Service.Name, a.Service.Organisation.Name, a.Service.Description, a.Location.Name, a.Location.Address, a.Location.Latitude, a.Location.Longitude,
                distance, open, a.Service.AcceptsReferrals, a.Service.IsFree, a.Service.Categories.Select(c => c.Code).Order(StringComparer.Ordinal).ToList(), a.Service.LanguageCodes);
        })
        .Where(h => h.DistanceKm is null || h.DistanceKm <= criteria.RadiusKm)
        .Where(h => !criteria.OpenNow || h.IsOpen);
        return (criteria.Latitude is null ? hits.OrderBy(h => h.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("it-IT"), true)).ThenBy(h => h.Place) : hits.OrderBy(h => h.DistanceKm)).ToList();
    }
}
