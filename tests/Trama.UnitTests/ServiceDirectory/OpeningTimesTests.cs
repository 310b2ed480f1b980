using Trama.Web.Features.Demo;
using Trama.Web.Features.ServiceDirectory;

namespace Trama.UnitTests.ServiceDirectory;

public sealed class OpeningTimesTests
{
    private static readonly OpeningHours[] Pharmacy =
    [
        .. DemoDirectory.ParseHours("Mo-Sa 08:30-12:30,15:00-19:30").Select(h => new OpeningHours { Day = h.Day, Opens = h.Opens, Closes = h.Closes }),
    ];

    private static readonly Closure[] Christmas = [new() { From = new DateOnly(2026, 12, 25), To = new DateOnly(2026, 12, 26), Reason = "Natale" }];

    [Theory]
    [InlineData("2026-11-23 08:30", true)]
    [InlineData("2026-11-23 12:29", true)]
    [InlineData("2026-11-23 12:30", false)]
    [InlineData("2026-11-23 13:45", false)]
    [InlineData("2026-11-28 19:00", true)]
    [InlineData("2026-11-29 10:00", false)]
    [InlineData("2026-11-23 08:29", false)]
    public void APlaceIsOpenFromItsOpeningTimeUpToButNotIncludingItsClosingTime(string local, bool open) =>
        Assert.Equal(open, OpeningTimes.IsOpen(Pharmacy, [], DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void AClosureWinsOverTheWeeklyHours()
    {
        var saturdayAfterChristmas = new DateTime(2026, 12, 26, 10, 0, 0);
        Assert.False(OpeningTimes.IsOpen(Pharmacy, Christmas, saturdayAfterChristmas));
        Assert.True(OpeningTimes.IsOpen(Pharmacy, Christmas, saturdayAfterChristmas.AddDays(2)));
    }

    [Fact]
    public void TheWeekReadsFromMondayToSunday_WithEmptyDaysKept()
    {
        var week = OpeningTimes.Week(Pharmacy).ToList();
        Assert.Equal(DayOfWeek.Monday, week[0].Day);
        Assert.Equal(DayOfWeek.Sunday, week[^1].Day);
        Assert.Empty(week[^1].Hours);
        Assert.Equal([new TimeOnly(8, 30), new TimeOnly(15, 0)], week[0].Hours.Select(h => h.Opens));
    }

    [Fact]
    public void HoursWrittenAsDayListsAndRangesAreRead()
    {
        var hours = DemoDirectory.ParseHours("Mo,We,Fr 09:30-12:30; TuTh 15:00-18:00").ToList();
        Assert.Equal(5, hours.Count);
        Assert.Contains((DayOfWeek.Thursday, new TimeOnly(15, 0), new TimeOnly(18, 0)), hours);
        Assert.DoesNotContain(hours, h => h.Day == DayOfWeek.Saturday);
    }
}

public sealed class GeoTests
{
    [Fact]
    public void TheDistanceFromCrocettaToNiguarda_IsAboutFourAndAHalfKilometres()
    {
        var km = Geo.DistanceKm(45.54988, 9.22771, 45.51627, 9.19391);
        Assert.InRange(km, 4.3, 4.8);
    }

    [Fact]
    public void APointIsNoDistanceFromItself() => Assert.Equal(0, Geo.DistanceKm(45.5, 9.2, 45.5, 9.2), 9);

    [Theory]
    [InlineData(0.5)]
    [InlineData(1)]
    [InlineData(10)]
    public void TheBoxHoldsEveryPointWithinTheRadius(double radius)
    {
        var box = Geo.Box(45.55, 9.22, radius);
        for (var bearing = 0; bearing < 360; bearing += 15)
        {
            var rad = bearing * Math.PI / 180;
            var lat = 45.55 + (radius * 0.999 / 111.32 * Math.Cos(rad));
            var lon = 9.22 + (radius * 0.999 / (111.32 * Math.Cos(45.55 * Math.PI / 180)) * Math.Sin(rad));
            Assert.InRange(lat, box.MinLatitude, box.MaxLatitude);
            Assert.InRange(lon, box.MinLongitude, box.MaxLongitude);
        }
    }
}
