using Microsoft.Extensions.Options;

namespace Trama.Web.Infrastructure.Jobs;

/// Every tick, runs each registered job whose current slot no instance has claimed yet.
internal sealed partial class JobScheduler(
    IServiceScopeFactory scopes,
    IEnumerable<ScheduledJobType> jobs,
    JobLeases leases,
    IOptions<JobOptions> options,
    TimeProvider clock,
    ILogger<JobScheduler> logger) : BackgroundService
{
    private readonly Dictionary<string, long> lastSlot = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Tick, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var type in jobs)
            {
                try
                {
                    await RunDueAsync(type.Type, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // One failing job, or a database that is briefly away, must not stop the others.
                    LogTickFailed(logger, type.Type.Name, e.GetType().Name);
                }
            }
        }
    }

    private async Task RunDueAsync(Type type, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var job = (IScheduledJob)scope.ServiceProvider.GetRequiredService(type);
        var every = options.Value.Every.GetValueOrDefault(job.Name, job.Every);
        var slot = JobLeases.SlotOf(clock.GetUtcNow(), every);
        if (lastSlot.GetValueOrDefault(job.Name) == slot || !await leases.TryClaimAsync(job.Name, slot, cancellationToken))
        {
            lastSlot[job.Name] = slot;
            return;
        }

        lastSlot[job.Name] = slot;
        string outcome;
        var succeeded = true;
        try
        {
            outcome = await job.RunAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The exception's type only: a message could quote person data.
            succeeded = false;
            outcome = e.GetType().Name;
            LogJobFailed(logger, job.Name, outcome);
        }

        await leases.FinishAsync(job.Name, slot, succeeded, outcome, cancellationToken);
        if (succeeded)
        {
            LogJobRan(logger, job.Name, slot, outcome);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled job {Job} ran for slot {Slot}: {Outcome}")]
    private static partial void LogJobRan(ILogger logger, string job, long slot, string outcome);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled job {Job} failed: {Error}")]
    private static partial void LogJobFailed(ILogger logger, string job, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled job {Job} could not be started this tick: {Error}")]
    private static partial void LogTickFailed(ILogger logger, string job, string error);
}
