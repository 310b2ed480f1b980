using Microsoft.Extensions.Options;
using Trama.Web.Data;
using Trama.Web.Features.Account;
using Trama.Web.Features.Demo;

namespace Trama.Web.Infrastructure;

/// Migrates (and in demo mode seeds) in the hosts's Starting phase, which completes before any
/// hosted service, the web server included, starts: no request ever meets an unmigrated database.
internal sealed partial class DatabaseInitializer(IServiceProvider services, IOptions<TramaOptions> options, ILogger<DatabaseInitializer> logger) : IHostedLifecycleService
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
        var verification = await Features.Audit.AuditChain.VerifyAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), cancellationToken);
        if (!verification.IsIntact)
        {
            LogAuditBroken(logger, verification.FirstBrokenSequence!.Value);
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Audit trail does not verify: first broken row is sequence {Sequence}")]
    private static partial void LogAuditBroken(ILogger logger, long sequence);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
