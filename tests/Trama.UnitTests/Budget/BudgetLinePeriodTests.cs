using Trama.Web.Features.Budget;

namespace Trama.UnitTests.Budget;

public sealed class BudgetLinePeriodTests
{
    private static readonly DateOnly Referred = new(2026, 1, 15);

    [Theory]
    [InlineData("2026-02-01", "2027-01-31", null, false)]
    [InlineData("2026-02-01", "2029-02-01", null, false)]
    [InlineData("2026-02-01", "2026-01-31", "Validation.EndBeforeStart", false)]
    [InlineData("2026-02-01", "2029-02-02", "Budget.PeriodTooLong", false)]
    [InlineData("2026-01-14", "2026-12-31", "Budget.PeriodBeforeReferral", true)]
    public void APeriod_EndsAfterItStarts_LastsAtMostThreeYears_AndStartsNoEarlierThanTheReferral(string start, string end, string? key, bool onStart)
    {
        var problem = BudgetLine.PeriodProblem(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), Referred);

        Assert.Equal(key, problem?.Key);
        Assert.Equal(onStart, problem?.OnStart ?? false);
    }
}
