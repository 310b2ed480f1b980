namespace Trama.Web.Infrastructure.Jobs;

/// Work the app does on its own, on a schedule: registered with AddScheduledJob and run by
/// JobScheduler once per slot across every instance sharing the database.
public interface IScheduledJob
{
    /// Stable, used as the lease key and in `Trama:Jobs:Every:{Name}` to change the interval.
    string Name { get; }

    TimeSpan Every { get; }

    /// Runs in its own scope; returns a short outcome for the run log (counts, never person data).
    /// May run twice for one slot only if the instance holding it dies mid-run, so it must be idempotent.
    Task<string> RunAsync(CancellationToken cancellationToken);
}

/// The `Trama:Jobs` section.
public sealed class JobOptions
{
    public const string Section = "Trama:Jobs";

    /// Off for commands and for test apps that do not want background work.
    public bool Enabled { get; set; } = true;

    /// How often each instance looks for a due slot.
    public TimeSpan Tick { get; set; } = TimeSpan.FromSeconds(30);

    /// How long a started run holds its slot before another instance may take it over.
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(10);

    /// This instance's name in the run log; the host name and process id by default.
    public string? Instance { get; set; }

    /// Per-job interval overrides, by job name.
    public Dictionary<string, TimeSpan> Every { get; set; } = [];
}

public static class ScheduledJobRegistration
{
    public static IServiceCollection AddScheduledJob<TJob>(this IServiceCollection services)
        where TJob : class, IScheduledJob
    {
        services.AddScoped<TJob>();
        services.AddSingleton(new ScheduledJobType(typeof(TJob)));
        return services;
    }

    public static IServiceCollection AddJobScheduler(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<JobOptions>(configuration.GetSection(JobOptions.Section));
        services.AddSingleton<JobLeases>();
        services.AddHostedService<JobScheduler>();
        return services;
    }
}

public sealed record ScheduledJobType(Type Type);
