using Trama.Web.Data;

namespace Trama.Web.Features.Audit;

/// Records reads of person data. A read is written and committed before the page is sent, and at
/// most once per request for the same record.
public sealed class AuditTrail(AppDbContext db, IServiceScopeFactory scopes, TimeProvider clock)
{
    private readonly HashSet<(string, string)> recorded = [];

    public async Task RecordReadAsync(string entityType, string entityId, Guid? personId, CancellationToken cancellationToken = default)
    {
        if (!recorded.Add((entityType, entityId)))
        {
            return;
        }

        var (userId, ip) = AuditRecorder.Who(db);
        var entry = new AuditEntry
        {
            AtUtc = AuditChain.Instant(clock.GetUtcNow().UtcDateTime),
            UserId = userId,
            Action = AuditActions.Read,
            EntityType = entityType,
            EntityId = entityId,
            PersonId = personId,
            IpAddress = ip,
            PreviousHash = string.Empty,
            Hash = string.Empty,
        };

        // A separate context: the page's own context may hold changes not yet meant to be saved.
        await using var scope = scopes.CreateAsyncScope();
        var writer = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await AuditRecorder.Gate.WaitAsync(cancellationToken);
        try
        {
            await AuditRecorder.ChainAsync(writer, [entry], cancellationToken);
            await writer.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            AuditRecorder.Gate.Release();
        }
    }
}
