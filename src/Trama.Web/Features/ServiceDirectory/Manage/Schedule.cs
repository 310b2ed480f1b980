using System.Globalization;

namespace Trama.Web.Features.ServiceDirectory.Manage;

/// One weekday of the hours form: up to two opening ranges (morning and afternoon).
public sealed class DayInput
{
    public DayOfWeek Day { get; set; }

    public TimeOnly? Opens1 { get; set; }

    public TimeOnly? Closes1 { get; set; }

    public TimeOnly? Opens2 { get; set; }

    public TimeOnly? Closes2 { get; set; }
}

/// The hours and closures of a service at a place, between the form and the HSDS rows.
public static class Schedule
{
    /// Monday first, as an Italian week is written.
    public static readonly DayOfWeek[] Week = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static List<DayInput> Days(IEnumerable<(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes)> hours)
    {
        var byDay = hours.ToLookup(h => h.Day);
        return Week.Select(d =>
        {
            var ranges = byDay[d].OrderBy(h => h.Opens).ToList();
            return new DayInput
            {
                Day = d,
                Opens1 = ranges.Count > 0 ? ranges[0].Opens : null,
                Closes1 = ranges.Count > 0 ? ranges[0].Closes : null,
                Opens2 = ranges.Count > 1 ? ranges[1].Opens : null,
                Closes2 = ranges.Count > 1 ? ranges[1].Closes : null,
            };
        }).ToList();
    }

    /// Each problem as (day index, field name, resource key): a range needs both ends, closes
    /// after it opens, and the second range starts after the first ends.
    public static IEnumerable<(int Day, string Field, string Error)> Check(IReadOnlyList<DayInput> days)
    {
        for (var i = 0; i < days.Count; i++)
        {
            var d = days[i];
            foreach (var (opens, closes, opensField, closesField) in new[] { (d.Opens1, d.Closes1, nameof(d.Opens1), nameof(d.Closes1)), (d.Opens2, d.Closes2, nameof(d.Opens2), nameof(d.Closes2)) })
            {
                if (opens is null != closes is null)
                {
                    yield return (i, opens is null ? opensField : closesField, "Directory.Edit.RangeIncomplete");
                }
                else if (opens is { } o && closes is { } c && c <= o)
                {
                    yield return (i, closesField, "Directory.Edit.RangeBackwards");
                }
            }

            if (d.Closes1 is { } firstEnds && d.Opens2 is { } secondStarts && secondStarts < firstEnds)
            {
                yield return (i, nameof(d.Opens2), "Directory.Edit.RangesOverlap");
            }
        }
    }

    public static IEnumerable<(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes)> Hours(IEnumerable<DayInput> days)
    {
        foreach (var d in days)
        {
            if (d.Opens1 is { } o1 && d.Closes1 is { } c1 && c1 > o1)
            {
                yield return (d.Day, o1, c1);
            }

            if (d.Opens2 is { } o2 && d.Closes2 is { } c2 && c2 > o2)
            {
                yield return (d.Day, o2, c2);
            }
        }
    }

    private const string DateFormat = "dd/MM/yyyy";

    /// Closures as typed, one per line: "25/12/2026 Natale" or "24/12/2026-06/01/2027 Vacanze".
    /// Every line is read; the errors name the line (1-based) and a resource key.
    public static (List<(DateOnly From, DateOnly To, string Reason)> Closures, List<(int Line, string Error)> Errors) ParseClosures(string? text)
    {
        var closures = new List<(DateOnly, DateOnly, string)>();
        var errors = new List<(int, string)>();
        var lines = (text ?? string.Empty).Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var dates = space < 0 ? line : line[..space];
            var reason = space < 0 ? string.Empty : line[(space + 1)..].Trim();
            var parts = dates.Split('-', 2);
            if (!DateOnly.TryParseExact(parts[0], DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
                || !DateOnly.TryParseExact(parts.Length > 1 ? parts[1] : parts[0], DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
            {
                errors.Add((n + 1, "Directory.Edit.ClosureDate"));
            }
            else if (to < from)
            {
                errors.Add((n + 1, "Directory.Edit.ClosureBackwards"));
            }
            else if (reason.Length == 0)
            {
                errors.Add((n + 1, "Directory.Edit.ClosureReason"));
            }
            else if (reason.Length > 200)
            {
                errors.Add((n + 1, "Directory.Edit.ClosureReasonLong"));
            }
            else
            {
                closures.Add((from, to, reason));
            }
        }

        return (closures, errors);
    }

    public static string FormatClosures(IEnumerable<(DateOnly From, DateOnly To, string Reason)> closures) =>
        string.Join('\n', closures.OrderBy(c => c.From).Select(c =>
            (c.From == c.To ? c.From.ToString(DateFormat, CultureInfo.InvariantCulture) : $"{c.From.ToString(DateFormat, CultureInfo.InvariantCulture)}-{c.To.ToString(DateFormat, CultureInfo.InvariantCulture)}") + " " + c.Reason));
}
