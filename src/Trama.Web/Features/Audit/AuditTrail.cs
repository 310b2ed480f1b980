using Trama.Web.Data;

namespace Trama.Web.Features.Audit;

/// Records reads of person data. A read is written and committed before the page is sent, and at
/// most once per request for the same record.
public sealed class AuditTrail(AppDbContext db, ReadAuditWriter writer, TimeProvider clock)
{
    private readonly HashSet<(string, string)> recorded = [];

    private bool holding;

    /// From now on in this request, reads wait for the request's next save and are committed in
    /// its transaction: a form's save is then one append to the chain instead of two. Whatever no
    /// save took is committed by <see cref="CommitHeldAsync"/>, which <see cref="HeldReadsFilter"/>
    /// calls when the form's handler returns, before anything is sent.
    public void HoldReadsForSave() => holding = true;

    public async Task CommitHeldAsync(CancellationToken cancellationToken = default)
    {
        holding = false;
        if (db.ReadsHeldForSave.Count == 0)
        {
            return;
        }

        List<AuditEntry> held = [.. db.ReadsHeldForSave];
        db.ReadsHeldForSave.Clear();
        await writer.AppendAsync(held, cancellationToken);
    }

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

        if (holding)
        {
            db.ReadsHeldForSave.AddRange(entries);
            return;
        }

        // Not through the page's own context, which may hold changes not yet meant to be saved.
        await writer.AppendAsync(entries, cancellationToken);
    }
}
