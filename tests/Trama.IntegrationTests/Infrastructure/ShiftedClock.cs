using Trama.Web.Features.Demo;

namespace Trama.IntegrationTests.Infrastructure;

/// Real time, moved to another moment: the clock still ticks, so waits and expiries behave.
public sealed class ShiftedClock(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;

    /// The coming Wednesday at a given Italian local time that is not a demo holiday: a
    /// working morning whatever day the suite runs.
    public static ShiftedClock NextWednesdayAt(TimeOnly localTime)
    {
        var rome = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");
        var now = DateTimeOffset.UtcNow;
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, rome).DateTime).AddDays(1);
        var holidays = DemoDirectory.Holidays(day.Year - 1).Concat(DemoDirectory.Holidays(day.Year)).ToList();
        while (day.DayOfWeek != DayOfWeek.Wednesday || holidays.Any(h => h.From <= day && day <= h.To))
        {
            day = day.AddDays(1);
        }

        var local = day.ToDateTime(localTime);
        var target = new DateTimeOffset(local, rome.GetUtcOffset(local));
        return new ShiftedClock(target - now);
    }
}
