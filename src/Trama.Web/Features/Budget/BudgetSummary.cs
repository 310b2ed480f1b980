namespace Trama.Web.Features.Budget;

public sealed record BudgetCell(Guid LifeAreaId, FundingSource Source, long PlannedCents, long CommittedCents, long SpentCents)
{
    public long VarianceCents => PlannedCents - SpentCents;

    public BudgetAlert Alert => BudgetSummary.AlertFor(PlannedCents, SpentCents);
}

/// Planned against spent per life area and source, with the alert thresholds (90% and 100%).
/// Totals are sums of the same integer cents the ledger holds, so they always match it.
public sealed record BudgetSummary(IReadOnlyList<BudgetCell> Cells)
{
    public const int NearlySpentPercent = 90;

    public long PlannedCents => Cells.Sum(c => c.PlannedCents);

    public long CommittedCents => Cells.Sum(c => c.CommittedCents);

    public long SpentCents => Cells.Sum(c => c.SpentCents);

    public BudgetAlert Alert => AlertFor(PlannedCents, SpentCents);

    public static BudgetAlert AlertFor(long planned, long spent) =>
        spent > 0 && spent >= planned ? BudgetAlert.Exhausted
        : planned > 0 && spent * 100 >= planned * NearlySpentPercent ? BudgetAlert.NearlySpent
        : BudgetAlert.None;

    public static BudgetSummary Compute(
        IEnumerable<(Guid LifeAreaId, FundingSource Source, long Planned, long Committed)> lines,
        IEnumerable<(Guid LifeAreaId, FundingSource Source, long Amount)> spending)
    {
        var cells = new Dictionary<(Guid, FundingSource), (long Planned, long Committed, long Spent)>();
        foreach (var l in lines)
        {
            var c = cells.GetValueOrDefault((l.LifeAreaId, l.Source));
            cells[(l.LifeAreaId, l.Source)] = (c.Planned + l.Planned, c.Committed + l.Committed, c.Spent);
        }

        foreach (var s in spending)
        {
            var c = cells.GetValueOrDefault((s.LifeAreaId, s.Source));
            cells[(s.LifeAreaId, s.Source)] = (c.Planned, c.Committed, c.Spent + s.Amount);
        }

        return new BudgetSummary(cells
            .Select(kv => new BudgetCell(kv.Key.Item1, kv.Key.Item2, kv.Value.Planned, kv.Value.Committed, kv.Value.Spent))
            .OrderBy(c => c.Source).ThenBy(c => c.LifeAreaId)
            .ToList());
    }
}
