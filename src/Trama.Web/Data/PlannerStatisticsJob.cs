using Trama.Web.Infrastructure.Jobs;

namespace Trama.Web.Data;

/// Keeps SQLite's planner statistics in step with the data between restarts: a database that
/// starts empty and fills up would otherwise keep the plans of an empty one. Registered on SQLite
/// only.
internal sealed class PlannerStatisticsJob(AppDbContext db) : IScheduledJob
{
    public string Name => "planner-statistics";

    public TimeSpan Every => TimeSpan.FromDays(1);

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        await db.RefreshPlannerStatisticsAsync(cancellationToken);
        return "statistics refreshed";
    }
}
