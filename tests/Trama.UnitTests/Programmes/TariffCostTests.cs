using Trama.Web.Features.Programmes;
using Trama.Web.Features.Projects;

namespace Trama.UnitTests.Programmes;

public sealed class TariffCostTests
{
    private static TariffTableEntry Rate(Intensity intensity, TariffUnit unit, long health, long social, DateOnly from, DateOnly? to = null) =>
        new() { Intensity = intensity, Unit = unit, HealthShareCents = health, SocialShareCents = social, ValidFrom = from, ValidTo = to };

    [Fact]
    public void DailyRate_CountsBothEndsOfThePeriod()
    {
        var cost = TariffTableEntry.CostBetween([Rate(Intensity.Medium, TariffUnit.PerDay, 27_00, 18_00, new(2026, 1, 1))], Intensity.Medium, new(2026, 3, 1), new(2026, 3, 10));

        Assert.Equal((270_00L, 180_00L), cost);
    }

    [Fact]
    public void ARateChange_PricesEachDayAtTheRateInForceThatDay()
    {
        TariffTableEntry[] rows =
        [
            Rate(Intensity.High, TariffUnit.PerDay, 40_00, 26_00, new(2025, 1, 1), new(2025, 12, 31)),
            Rate(Intensity.High, TariffUnit.PerDay, 41_20, 26_80, new(2026, 1, 1)),
        ];

        // 2 days in 2025 at 66 €, 3 days in 2026 at 68 €.
        var (health, social) = TariffTableEntry.CostBetween(rows, Intensity.High, new(2025, 12, 30), new(2026, 1, 3));

        Assert.Equal((2 * 40_00) + (3 * 41_20), health);
        Assert.Equal((2 * 26_00) + (3 * 26_80), social);
    }

    [Fact]
    public void MonthlyRate_IsProratedByDaysOverThirtyAndRoundedToTheCent()
    {
        // 1.000,00 € a month for 10 days = 333,333… € → 333,33 €.
        var cost = TariffTableEntry.CostBetween([Rate(Intensity.Low, TariffUnit.PerMonth, 1_000_00, 0, new(2026, 1, 1))], Intensity.Low, new(2026, 2, 1), new(2026, 2, 10));

        Assert.Equal((333_33L, 0L), cost);
    }

    [Fact]
    public void OtherIntensities_AndDaysBeforeTheFirstRate_CostNothing()
    {
        TariffTableEntry[] rows = [Rate(Intensity.Low, TariffUnit.PerDay, 10_00, 5_00, new(2026, 1, 1))];

        Assert.Equal((0L, 0L), TariffTableEntry.CostBetween(rows, Intensity.High, new(2026, 1, 1), new(2026, 1, 31)));
        Assert.Equal((10_00L, 5_00L), TariffTableEntry.CostBetween(rows, Intensity.Low, new(2025, 12, 1), new(2026, 1, 1)));
    }
}
