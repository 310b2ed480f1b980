using System.Linq.Expressions;

namespace Trama.Web.Features.ServiceDirectory;

/// Whether a place is open at a moment of Italian local time, from its weekly hours and closures.
public static class OpeningTimes
{
    public static bool IsOpen(IEnumerable<OpeningHours> hours, IEnumerable<Closure> closures, DateTime local)
    {
        var day = DateOnly.FromDateTime(local);
        if (closures.Any(c => c.From <= day && day <= c.To))
        {
            return false;
        }

        var time = TimeOnly.FromDateTime(local);
        return hours.Any(h => h.Day == local.DayOfWeek && h.Opens <= time && time < h.Closes);
    }

    /// IsOpen's rule for the database: "open now" filters before a page is cut, and the list's
    /// badges come from the same query; a test holds the two rules to the same answers.
    public static Expression<Func<ServiceAtLocation, bool>> OpenAt(DateTime local)
    {
        var day = DateOnly.FromDateTime(local);
        var weekday = local.DayOfWeek;
        var time = TimeOnly.FromDateTime(local);
        return a => a.Service.Status == ServiceStatus.Active
            && !a.Closures.Any(c => c.From <= day && day <= c.To)
            && a.Hours.Any(h => h.Day == weekday && h.Opens <= time && time < h.Closes);
    }

    /// The weekly hours grouped by day, Monday first, as an Italian week reads.
    public static IEnumerable<(DayOfWeek Day, IReadOnlyList<OpeningHours> Hours)> Week(IEnumerable<OpeningHours> hours)
    {
        var byDay = hours.GroupBy(h => h.Day).ToDictionary(g => g.Key, g => (IReadOnlyList<OpeningHours>)g.OrderBy(h => h.Opens).ToList());
        foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday })
        {
            yield return (day, byDay.GetValueOrDefault(day, []));
        }
    }
}

/// Distances on the Earth's surface, enough for a neighbourhood (haversine on a sphere).
public static class Geo
{
    private const double EarthRadiusKm = 6371.0088;

    public static double DistanceKm(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(latitude2 - latitude1);
        var dLon = Radians(longitude2 - longitude1);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(Radians(latitude1)) * Math.Cos(Radians(latitude2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// A box around a point that holds every point within the radius: a cheap index filter before
    /// the exact distance.
    public static (double MinLatitude, double MaxLatitude, double MinLongitude, double MaxLongitude) Box(double latitude, double longitude, double radiusKm)
    {
        var dLat = radiusKm / 111.32;
        var dLon = radiusKm / (111.32 * Math.Max(0.01, Math.Cos(latitude * Math.PI / 180)));
        return (latitude - dLat, latitude + dLat, longitude - dLon, longitude + dLon);
    }
}
