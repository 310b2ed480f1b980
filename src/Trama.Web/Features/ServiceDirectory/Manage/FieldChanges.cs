using Trama.Web.Data;

namespace Trama.Web.Features.ServiceDirectory.Manage;

/// The fields one save of a directory entry changes, by name, for the entry's history.
public sealed class FieldChanges
{
    private readonly List<string> fields = [];

    public IReadOnlyList<string> Fields => fields;

    public int Count => fields.Count;

    /// Assigns <paramref name="value"/> only when it differs, and notes the field.
    public void Set<T>(string field, T current, T value, Action<T> assign)
    {
        if (!EqualityComparer<T>.Default.Equals(current, value))
        {
            assign(value);
            Add(field);
        }
    }

    public void Add(string field)
    {
        if (!fields.Contains(field))
        {
            fields.Add(field);
        }
    }

    /// Rewrites a service's hours and closures at a place when they differ from what is wanted.
    public void Schedule(AppDbContext db, ServiceAtLocation at, IEnumerable<(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes)> hours, IEnumerable<(DateOnly From, DateOnly To, string Reason)> closures)
    {
        var wantedHours = hours.ToHashSet();
        if (!wantedHours.SetEquals(at.Hours.Select(h => (h.Day, h.Opens, h.Closes))))
        {
            db.RemoveRange(at.Hours);
            at.Hours.Clear();
            at.Hours.AddRange(wantedHours.Select(h => new OpeningHours { ServiceAtLocationId = at.Id, Day = h.Day, Opens = h.Opens, Closes = h.Closes }));
            Add("Hours");
        }

        var wantedClosures = closures.ToHashSet();
        if (!wantedClosures.SetEquals(at.Closures.Select(c => (c.From, c.To, c.Reason))))
        {
            db.RemoveRange(at.Closures);
            at.Closures.Clear();
            at.Closures.AddRange(wantedClosures.Select(c => new Closure { ServiceAtLocationId = at.Id, From = c.From, To = c.To, Reason = c.Reason }));
            Add("Closures");
        }
    }
}
