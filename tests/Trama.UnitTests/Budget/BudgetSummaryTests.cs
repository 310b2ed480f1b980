using Trama.Web.Features.Budget;

namespace Trama.UnitTests.Budget;

public sealed class BudgetSummaryTests
{
    private static readonly Guid Housing = Guid.NewGuid();
    private static readonly Guid Work = Guid.NewGuid();

    [Theory]
    [InlineData(100_00, 0, BudgetAlert.None)]
    [InlineData(100_00, 89_99, BudgetAlert.None)]
    [InlineData(100_00, 90_00, BudgetAlert.NearlySpent)]
    [InlineData(100_00, 99_99, BudgetAlert.NearlySpent)]
    [InlineData(100_00, 100_00, BudgetAlert.Exhausted)]
    [InlineData(100_00, 130_00, BudgetAlert.Exhausted)]
    [InlineData(0, 1, BudgetAlert.Exhausted)]
    [InlineData(0, 0, BudgetAlert.None)]
    public void AlertFor_ThresholdsAt90And100Percent(long planned, long spent, BudgetAlert expected) =>
        Assert.Equal(expected, BudgetSummary.AlertFor(planned, spent));

    [Fact]
    public void Compute_GroupsByAreaAndSourceAndKeepsSpendingWithoutAPlanLine()
    {
        var summary = BudgetSummary.Compute(
            [(Housing, FundingSource.HealthAuthority, 500_00, 200_00), (Housing, FundingSource.HealthAuthority, 100_00, 0), (Work, FundingSource.Municipality, 300_00, 0)],
            [(Housing, FundingSource.HealthAuthority, 450_00), (Work, FundingSource.Funder, 20_00)]);
        var housing = Assert.Single(summary.Cells, c => c.LifeAreaId == Housing);
        Assert.Equal(600_00, housing.PlannedCents);
        Assert.Equal(150_00, housing.VarianceCents);
        var unplanned = Assert.Single(summary.Cells, c => c.Source == FundingSource.Funder);
        Assert.Equal(BudgetAlert.Exhausted, unplanned.Alert);
        Assert.Equal(470_00, summary.SpentCents);
        Assert.Equal(900_00, summary.PlannedCents);
    }

    [Fact]
    public void Compute_TotalsEqualTheLedgerToTheCent()
    {
        // Thousands of odd amounts: an integer sum never drifts the way floating point would.
        var spending = Enumerable.Range(1, 5000).Select(i => (i % 2 == 0 ? Housing : Work, (FundingSource)(i % 7), (long)((i * 37) % 10007) + 1)).ToList();
        var summary = BudgetSummary.Compute([], spending);
        Assert.Equal(spending.Sum(s => s.Item3), summary.SpentCents);
        Assert.Equal(summary.SpentCents, summary.Cells.Sum(c => c.SpentCents));
    }
}
