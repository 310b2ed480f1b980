using Trama.Web.Data;

namespace Trama.Web.Features.Audit;

/// Records reads of person data. A read is written and committed before the page is sent, and at
/// most once per request for the same record.
public sealed class AuditTrail(AppDbContext db, ReadAuditWriter writer, TimeProvider clock)
{
    private readonly HashSet<(string, string)> recorded = [];

    public Task RecordReadAsync(string entityType, string entityId, Guid? personId, CancellationToken cancellationToken = default) =>
        RecordReadsAsync(entityType, [(entityId, personId)], cancellationToken);

    /// One row per record shown (a list of projects shows several people's names), in one commit.
    public async Task RecordReadsAsync(string entityType, IEnumerable<(string EntityId, Guid? PersonId)> records, CancellationToken cancellationToken = default)
    {
        var (userId, ip) = AuditRecorder.Who(db);
        var at = AuditChain.Instant(clock.GetUtcNow().UtcDateTime);
        var entries = records
            .Where(r => recorded.Add((entityType, r.EntityId)))
            .Select(r => new AuditEntry
            {
                AtUtc = at,
                UserId = userId,
                Action = AuditActions.Read,
                EntityType = entityType,
                EntityId = r.EntityId,
                PersonId = r.PersonId,
                IpAddress = ip,
                PreviousHash = string.Empty,
                Hash = string.Empty,
            })
            .ToList();
        if (entries.Count == 0)
        {
            return;
        }

        // Not through the page's own context, which may hold changes not yet meant to be saved.
        await writer.AppendAsync(entries, cancellationToken);
    }
}
