using CsCheck;
using Trama.Web.Features.Programmes;
using Trama.Web.Features.Projects;

namespace Trama.UnitTests.Programmes;

/// The cost of a project at tariff over generated periods and rates.
public sealed class TariffCostProperties
{
    private static readonly DateOnly Start = new(2025, 1, 1);

    private static readonly Gen<TariffTableEntry[]> DailyRates =
        Gen.Select(Gen.Long[0, 50_000], Gen.Long[0, 50_000]).Array[1, 4].Select(shares =>
            shares.Select((s, i) => new TariffTableEntry
            {
                Intensity = Intensity.Medium,
                Unit = TariffUnit.PerDay,
                HealthShareCents = s.Item1,
                SocialShareCents = s.Item2,
                ValidFrom = Start.AddDays(i * 200),
                ValidTo = i == shares.Length - 1 ? null : Start.AddDays((i * 200) + 199),
            }).ToArray());

    [Fact]
    public void AtADailyRate_SplittingAPeriod_DoesNotChangeItsCost() =>
        Gen.Select(DailyRates, Gen.Int[0, 900], Gen.Int[0, 900], Gen.Int[0, 900]).Sample((rates, a, b, c) =>
        {
            int[] days = [a, b, c];
            Array.Sort(days);
            var (from, middle, to) = (Start.AddDays(days[0]), Start.AddDays(days[1]), Start.AddDays(days[2]));
            var whole = TariffTableEntry.CostBetween(rates, Intensity.Medium, from, to);
            var first = TariffTableEntry.CostBetween(rates, Intensity.Medium, from, middle);
            var second = TariffTableEntry.CostBetween(rates, Intensity.Medium, middle.AddDays(1), to);
            Assert.Equal(whole, (first.HealthCents + second.HealthCents, first.SocialCents + second.SocialCents));
        }, iter: 2000);

    [Fact]
    public void APeriodEndingBeforeItStarts_CostsNothing() =>
        Gen.Select(DailyRates, Gen.Int[0, 900], Gen.Int[1, 400]).Sample((rates, a, back) =>
            Assert.Equal((0L, 0L), TariffTableEntry.CostBetween(rates, Intensity.Medium, Start.AddDays(a), Start.AddDays(a - back))), iter: 1000);

    [Fact]
    public void ThirtyDaysAtAMonthlyRate_CostTheMonthlyRate() =>
        Gen.Select(Gen.Long[0, 500_000], Gen.Long[0, 500_000], Gen.Int[0, 300]).Sample((health, social, offset) =>
        {
            TariffTableEntry[] rates = [new() { Intensity = Intensity.High, Unit = TariffUnit.PerMonth, HealthShareCents = health, SocialShareCents = social, ValidFrom = Start }];
            var from = Start.AddDays(offset);
            Assert.Equal((health, social), TariffTableEntry.CostBetween(rates, Intensity.High, from, from.AddDays(29)));
        }, iter: 1000);

    [Fact]
    public void AnotherIntensitysRates_NeverCount() =>
        Gen.Select(DailyRates, Gen.Int[0, 900]).Sample((rates, days) =>
            Assert.Equal((0L, 0L), TariffTableEntry.CostBetween(rates, Intensity.Low, Start, Start.AddDays(days))), iter: 500);
}
