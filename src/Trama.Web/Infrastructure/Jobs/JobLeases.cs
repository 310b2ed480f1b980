using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Trama.Web.Data;

namespace Trama.Web.Infrastructure.Jobs;

/// Claims and completes job slots in the database. The insert that creates a slot's row is the
/// lock: both engines let exactly one concurrent `INSERT … ON CONFLICT DO NOTHING` win it.
public sealed class JobLeases(IServiceScopeFactory scopes, IOptions<JobOptions> options, TimeProvider clock)
{
    public string Instance { get; } = options.Value.Instance ?? $"{Environment.MachineName}:{Environment.ProcessId}";

    public static long SlotOf(DateTimeOffset now, TimeSpan every)
    {
        var seconds = Math.Max(1, (long)every.TotalSeconds);
        var unix = now.ToUnixTimeSeconds();
        return unix - (unix % seconds);
    }

    /// True when this instance now holds the slot: it inserted the row, or took over one whose
    /// holder let the lease lapse without finishing.
    public async Task<bool> TryClaimAsync(string job, long slot, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + options.Value.Lease;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "JobRuns" ("Job", "Slot", "Instance", "StartedAtUtc", "LeaseUntilUtc", "Attempts") VALUES ({job}, {slot}, {Instance}, {now}, {until}, 1) ON CONFLICT DO NOTHING""",
            cancellationToken);
        if (inserted == 1)
        {
            return true;
        }

        var taken = await db.Set<JobRun>()
            .Where(r => r.Job == job && r.Slot == slot && r.FinishedAtUtc == null && r.LeaseUntilUtc < now)
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Instance, Instance)
                    .SetProperty(r => r.StartedAtUtc, now)
                    .SetProperty(r => r.LeaseUntilUtc, until)
                    .SetProperty(r => r.Attempts, r => r.Attempts + 1),
                cancellationToken);
        return taken == 1;
    }

    public async Task FinishAsync(string job, long slot, bool succeeded, string outcome, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var text = outcome.Length > 500 ? outcome[..500] : outcome;
        await db.Set<JobRun>()
            .Where(r => r.Job == job && r.Slot == slot && r.Instance == Instance)
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.FinishedAtUtc, now)
                    .SetProperty(r => r.Succeeded, succeeded)
                    .SetProperty(r => r.Outcome, text),
                cancellationToken);
    }
}
