using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Trama.Web.Data;

namespace Trama.Web.Features.Budget;

/// A programme's budget in total, for a year or for all time: the sums of a region's half a
/// million budget lines take seconds, so they are computed once and kept until a budget line or a
/// ledger entry changes in this instance (and for five minutes at most, for changes made by another).
public sealed class ProgrammeBudgetFigures(AppDbContext db, IMemoryCache cache, TimeProvider clock)
{
    public sealed record Figures(BudgetSummary Summary, IReadOnlyList<int> Years, int ProjectsWithBudget, int NearlySpent, int Exhausted, DateTime ComputedAtUtc);

    private static long generation;

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// Called by every save that adds, changes or removes a budget line or a ledger entry.
    public static void Changed() => Interlocked.Increment(ref generation);

    public Task<Figures> ForAsync(Guid programmeId, int? year)
    {
        var key = (nameof(ProgrammeBudgetFigures), programmeId, year, Interlocked.Read(ref generation));

        // Requests arriving while the sums are computed wait for the same computation.
        var shared = cache.GetOrCreate(key, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return new Lazy<Task<Figures>>(() => ComputeAsync(programmeId, year));
        })!;
        return ForgetFailureAsync(shared.Value, key);
    }

    private async Task<Figures> ForgetFailureAsync(Task<Figures> computing, object key)
    {
        try
        {
            return await computing;
        }
        catch
        {
            cache.Remove(key);
            throw;
        }
    }

    private async Task<Figures> ComputeAsync(Guid programmeId, int? year)
    {
        var computedAt = clock.GetUtcNow().UtcDateTime;
        var projects = db.Projects.Where(p => p.ProgrammeId == programmeId);
        var lines = from b in db.BudgetLines.AsNoTracking() join p in projects on b.ProjectId equals p.Id select b;
        var ledger = from e in db.LedgerEntries.AsNoTracking() join p in projects on e.ProjectId equals p.Id select e;
        var years = (await ledger.Select(e => e.SpentOn.Year).Distinct().ToListAsync()).OrderByDescending(y => y).ToList();
        if (year is { } y)
        {
            var first = new DateOnly(y, 1, 1);
            var last = new DateOnly(y, 12, 31);
            lines = lines.Where(b => b.PeriodStart == null || (b.PeriodStart <= last && (b.PeriodEnd == null || b.PeriodEnd >= first)));
            ledger = ledger.Where(e => e.SpentOn >= first && e.SpentOn <= last);
        }

        // One pass per table, by project, area and source: the totals are the sums of these cells.
        var planned = await lines.GroupBy(b => new { b.ProjectId, b.LifeAreaId, b.Source })
            .Select(g => new { g.Key.ProjectId, g.Key.LifeAreaId, g.Key.Source, Planned = g.Sum(b => b.PlannedCents), Committed = g.Sum(b => b.CommittedCents) }).ToListAsync();
        var spent = await ledger.GroupBy(e => new { e.ProjectId, e.LifeAreaId, e.Source })
            .Select(g => new { g.Key.ProjectId, g.Key.LifeAreaId, g.Key.Source, Amount = g.Sum(e => e.AmountCents) }).ToListAsync();
        var summary = BudgetSummary.Compute(
            planned.GroupBy(p => (p.LifeAreaId, p.Source)).Select(g => (g.Key.LifeAreaId, g.Key.Source, g.Sum(p => p.Planned), g.Sum(p => p.Committed))),
            spent.GroupBy(s => (s.LifeAreaId, s.Source)).Select(g => (g.Key.LifeAreaId, g.Key.Source, g.Sum(s => s.Amount))));

        // A project is flagged by its worst line, as on its own budget page.
        var alerts = planned.Select(c => (c.ProjectId, c.LifeAreaId, c.Source, Planned: c.Planned, Spent: 0L))
            .Concat(spent.Select(c => (c.ProjectId, c.LifeAreaId, c.Source, Planned: 0L, Spent: c.Amount)))
            .GroupBy(c => (c.ProjectId, c.LifeAreaId, c.Source))
            .Select(g => (g.Key.ProjectId, Alert: BudgetSummary.AlertFor(g.Sum(c => c.Planned), g.Sum(c => c.Spent))))
            .GroupBy(c => c.ProjectId)
            .Select(g => g.Max(c => c.Alert))
            .ToList();
        return new Figures(summary, years, alerts.Count, alerts.Count(a => a == BudgetAlert.NearlySpent), alerts.Count(a => a == BudgetAlert.Exhausted), computedAt);
    }
}
