using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Trama.Web.Data;
using Trama.Web.Features.Audit;

namespace Trama.Benchmark;

/// What auditing a read costs: one append to the hash chain, committed before the page is sent.
public sealed record AuditCost(double SequentialMs, double ConcurrentPerSecond)
{
    public static async Task<AuditCost> MeasureAsync(Dataset.Datasets.Target target)
    {
        AppDbContext Context() => target.Context();

        static List<AuditEntry> One() =>
        [
            new AuditEntry
            {
                AtUtc = AuditChain.Instant(DateTime.UtcNow), UserId = null, Action = AuditActions.Read, EntityType = "Benchmark",
                EntityId = Guid.NewGuid().ToString(), PreviousHash = string.Empty, Hash = string.Empty,
            },
        ];

        const int Sequential = 500;
        await using var services = new ServiceCollection().AddScoped(_ => Context()).BuildServiceProvider();
        var reads = new ReadAuditWriter(services.GetRequiredService<IServiceScopeFactory>());
        for (var i = 0; i < 20; i++)
        {
            await reads.AppendAsync(One(), CancellationToken.None);
        }

        // As the app audits a read: through the writer that groups concurrent appends into one commit.
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Sequential; i++)
        {
            await reads.AppendAsync(One(), CancellationToken.None);
        }

        var sequentialMs = clock.Elapsed.TotalMilliseconds / Sequential;
        clock.Restart();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < Sequential / 8; i++)
            {
                await reads.AppendAsync(One(), CancellationToken.None);
            }
        })));
        var concurrent = (Sequential / 8 * 8) / clock.Elapsed.TotalSeconds;
        await using var db = Context();
        var intact = await AuditChain.VerifyAsync(db);
        if (!intact.IsIntact)
        {
            throw new InvalidOperationException("the audit chain broke under the benchmark");
        }

        return new AuditCost(sequentialMs, concurrent);
    }
}
