using Trama.Web.Features.ServiceDirectory.Manage;

namespace Trama.UnitTests.ServiceDirectory;

public sealed class ScheduleTests
{
    private static DayInput Monday(string? o1, string? c1, string? o2 = null, string? c2 = null) => new()
    {
        Day = DayOfWeek.Monday,
        Opens1 = o1 is null ? null : TimeOnly.Parse(o1, System.Globalization.CultureInfo.InvariantCulture),
        Closes1 = c1 is null ? null : TimeOnly.Parse(c1, System.Globalization.CultureInfo.InvariantCulture),
        Opens2 = o2 is null ? null : TimeOnly.Parse(o2, System.Globalization.CultureInfo.InvariantCulture),
        Closes2 = c2 is null ? null : TimeOnly.Parse(c2, System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public void AWeekFromTheRows_StartsOnMonday_WithMorningAndAfternoonInOrder()
    {
        var days = Schedule.Days([(DayOfWeek.Monday, new TimeOnly(14, 30), new TimeOnly(18, 0)), (DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(12, 0))]);
        Assert.Equal(7, days.Count);
        Assert.Equal(DayOfWeek.Monday, days[0].Day);
        Assert.Equal(DayOfWeek.Sunday, days[6].Day);
        Assert.Equal((new TimeOnly(9, 0), new TimeOnly(14, 30)), (days[0].Opens1, days[0].Opens2));
    }

    [Fact]
    public void AClosingBeforeTheOpening_IsRefused() =>
        Assert.Equal([(0, "Closes1", "Directory.Edit.RangeBackwards")], Schedule.Check([Monday("12:00", "09:00")]));

    [Fact]
    public void AnOpeningWithoutItsClosing_IsRefused() =>
        Assert.Equal([(0, "Closes1", "Directory.Edit.RangeIncomplete")], Schedule.Check([Monday("09:00", null)]));

    [Fact]
    public void ASecondRangeStartingBeforeTheFirstEnds_IsRefused() =>
        Assert.Equal([(0, "Opens2", "Directory.Edit.RangesOverlap")], Schedule.Check([Monday("09:00", "13:00", "12:00", "18:00")]));

    [Fact]
    public void TwoRangesInOrder_BecomeTwoRows() =>
        Assert.Equal(2, Schedule.Hours([Monday("09:00", "12:00", "14:00", "18:00")]).Count());

    [Fact]
    public void ClosuresAreReadPerLine_AndEachBadLineIsNamed()
    {
        var (closures, errors) = Schedule.ParseClosures("25/12/2026 Natale\r\n\n24/12/2026-06/01/2027 Vacanze di Natale\n31/02/2026 Mai\n06/01/2027-01/01/2027 Al contrario\n01/05/2026");
        Assert.Equal([(new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 25), "Natale"), (new DateOnly(2026, 12, 24), new DateOnly(2027, 1, 6), "Vacanze di Natale")], closures);
        Assert.Equal([(4, "Directory.Edit.ClosureDate"), (5, "Directory.Edit.ClosureBackwards"), (6, "Directory.Edit.ClosureReason")], errors);
    }

    [Fact]
    public void FormattedClosures_ReadBackTheSame()
    {
        List<(DateOnly, DateOnly, string)> closures = [(new DateOnly(2026, 8, 10), new DateOnly(2026, 8, 23), "Ferie estive"), (new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 25), "Natale")];
        Assert.Equal(closures, Schedule.ParseClosures(Schedule.FormatClosures(closures)).Closures);
    }
}
