using Microsoft.Extensions.Options;
using Trama.Web.Data;
using Trama.Web.Features.Account;
using Trama.Web.Features.Demo;

namespace Trama.Web.Infrastructure;

/// Migrates (and in demo mode seeds) in the hosts's Starting phase, which completes before any
/// hosted service, the web server included, starts: no request ever meets an unmigrated database.
internal sealed class DatabaseInitializer(IServiceProvider services, IOptions<TramaOptions> options) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await services.MigrateDatabaseAsync(cancellationToken);
        await using var scope = services.CreateAsyncScope();
        await Features.ServiceDirectory.StandardCategories.EnsureAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), cancellationToken);
        if (options.Value.DemoData)
        {
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(cancellationToken);
        }

        await scope.ServiceProvider.GetRequiredService<FirstAdministrator>().EnsureAsync();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().RefreshPlannerStatisticsAsync(cancellationToken);

        // The audit chain is not verified here: it grows with every read (millions of rows in a
        // region), and start-up must stay within seconds. The daily audit-verify job checks it,
        // in the background, from the first tick after start.
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
