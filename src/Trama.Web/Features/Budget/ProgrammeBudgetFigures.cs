using System.Runtime.InteropServices;
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

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private static readonly Type[] Sources = [typeof(BudgetLine), typeof(LedgerEntry)];

    public Task<Figures> ForAsync(Guid programmeId, int? year)
    {
        var key = (nameof(ProgrammeBudgetFigures), programmeId, year, ChangeGenerations.Generation(Sources));

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

    private readonly record struct Cell(long Planned, long Committed, long Spent);

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

        // One pass per table, by project, area and source, streamed into one table of cells: at a
        // region's scale there are hundreds of thousands, and lists of them, concatenated and
        // grouped again, were the app's largest allocation (the benchmark's peak memory).
        var cells = new Dictionary<(Guid ProjectId, Guid LifeAreaId, FundingSource Source), Cell>();
        await foreach (var c in lines.GroupBy(b => new { b.ProjectId, b.LifeAreaId, b.Source })
            .Select(g => new { g.Key.ProjectId, g.Key.LifeAreaId, g.Key.Source, Planned = g.Sum(b => b.PlannedCents), Committed = g.Sum(b => b.CommittedCents) }).AsAsyncEnumerable())
        {
            cells[(c.ProjectId, c.LifeAreaId, c.Source)] = new Cell(c.Planned, c.Committed, 0);
        }

        await foreach (var c in ledger.GroupBy(e => new { e.ProjectId, e.LifeAreaId, e.Source })
            .Select(g => new { g.Key.ProjectId, g.Key.LifeAreaId, g.Key.Source, Amount = g.Sum(e => e.AmountCents) }).AsAsyncEnumerable())
        {
            ref var cell = ref CollectionsMarshal.GetValueRefOrAddDefault(cells, (c.ProjectId, c.LifeAreaId, c.Source), out _);
            cell = cell with { Spent = cell.Spent + c.Amount };
        }

        var worst = new Dictionary<Guid, BudgetAlert>();
        foreach (var ((projectId, _, _), cell) in cells)
        {
            // A project is flagged by its worst line, as on its own budget page.
            var alert = BudgetSummary.AlertFor(cell.Planned, cell.Spent);
            ref var flag = ref CollectionsMarshal.GetValueRefOrAddDefault(worst, projectId, out var seen);
            flag = seen && flag > alert ? flag : alert;
        }

        var summary = BudgetSummary.Compute(
            cells.Select(c => (c.Key.LifeAreaId, c.Key.Source, c.Value.Planned, c.Value.Committed)),
            cells.Select(c => (c.Key.LifeAreaId, c.Key.Source, c.Value.Spent)));
        var alerts = worst.Values;
        return new Figures(summary, years, alerts.Count, alerts.Count(a => a == BudgetAlert.NearlySpent), alerts.Count(a => a == BudgetAlert.Exhausted), computedAt);
    }
}
