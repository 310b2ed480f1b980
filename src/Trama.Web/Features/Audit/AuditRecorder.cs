using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Trama.Web.Data;
using Trama.Web.Features.Budget;
using Trama.Web.Features.People;
using Trama.Web.Features.Projects;

namespace Trama.Web.Features.Audit;

/// Turns every change of person data in a SaveChanges into audit rows, chained and committed in
/// the same transaction as the change itself: a change without its audit row cannot be saved.
internal static class AuditRecorder
{
    /// One writer at a time extends the chain: in this process a semaphore, across app instances
    /// on PostgreSQL a transaction-scoped advisory lock (SQLite allows one writer by itself).
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// The advisory lock's key: "TRAMAAUD" read as a number.
    private const long ChainLockKey = 0x5452414D41415544;

    /// Chains <paramref name="entries"/> onto the trail and runs <paramref name="save"/>, all in one
    /// transaction (the caller's, or one of its own), so a row and its audit commit together or not at all.
    public static Task<int> AppendAsync(AppDbContext db, IReadOnlyList<AuditEntry> entries, Func<CancellationToken, Task<int>> save, CancellationToken cancellationToken) =>
        AppendAsync(db, entries, track: true, save, cancellationToken);

    /// Appends rows that come with no change to save (reads): chained as any other, and written
    /// without the change tracker, which would send one command per row, each prepared on its own:
    /// a list of twenty projects is twenty audit rows on every view. On SQLite, one single-row
    /// INSERT prepared once and run for each row; on PostgreSQL, where each statement is a round
    /// trip, one INSERT per hundred rows.
    public static Task<int> AppendOnlyAsync(AppDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken) =>
        AppendAsync(db, entries, track: false, ct => db.Database.IsSqlite() ? InsertEachAsync(db, entries, ct) : InsertAsync(db, entries, ct), cancellationToken);

    private static async Task<int> AppendAsync(AppDbContext db, IReadOnlyList<AuditEntry> entries, bool track, Func<CancellationToken, Task<int>> save, CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            if (db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL")
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ChainLockKey})", cancellationToken);
            }

            await ChainAsync(db, entries, cancellationToken);
            if (track)
            {
                db.AuditEntries.AddRange(entries);
            }

            try
            {
                var written = await save(cancellationToken);
                if (own is not null)
                {
                    await own.CommitAsync(cancellationToken);
                }

                return written;
            }
            catch when (track)
            {
                // Chained onto a head that is no longer the head once this failed: a later save
                // of the same context must not write them.
                foreach (var e in entries)
                {
                    db.Entry(e).State = EntityState.Detached;
                }

                throw;
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    private static readonly JsonSerializerOptions Json = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private static readonly HashSet<Type> Audited =
    [
        typeof(Person), typeof(HealthBudgetProject), typeof(Goal), typeof(Review), typeof(DiaryEntry),
        typeof(CareTeamMember), typeof(BudgetLine), typeof(LedgerEntry), typeof(Privacy.EmergencyAccess), typeof(Receipt), typeof(Consent), typeof(AgreementVersion), typeof(AgreementSignature),
        typeof(PersonRole), typeof(LegalRepresentative), typeof(Caregiver), typeof(AssessmentParticipant),
        typeof(Referrals.Referral), typeof(Referrals.ReferralEvent), typeof(Referrals.ContactAttempt),
        typeof(ServiceDirectory.DirectoryService), typeof(ServiceDirectory.DirectoryLocation), typeof(ServiceDirectory.ServiceAtLocation),
        typeof(ServiceDirectory.OpeningHours), typeof(ServiceDirectory.Closure), typeof(ServiceDirectory.ServiceCategory),
    ];

    public static List<AuditEntry> Collect(AppDbContext db, DateTime nowUtc)
    {
        var (userId, ip) = Who(db);
        var entries = new List<AuditEntry>();
        foreach (var entry in db.ChangeTracker.Entries().Where(e => Audited.Contains(e.Metadata.ClrType) && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList())
        {
            var changes = Changes(entry);
            if (changes is null)
            {
                continue;
            }

            entries.Add(new AuditEntry
            {
                AtUtc = AuditChain.Instant(nowUtc),
                UserId = userId,
                Action = entry.State switch
                {
                    EntityState.Added => AuditActions.Create,
                    EntityState.Deleted => AuditActions.Delete,
                    _ => AuditActions.Update,
                },
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue)),
                PersonId = PersonOf(db, entry),
                IpAddress = ip,
                Changes = changes,
                PreviousHash = string.Empty,
                Hash = string.Empty,
            });
        }

        return entries;
    }

    public static (string? UserId, string? Ip) Who(AppDbContext db)
    {
        var http = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<IHttpContextAccessor>()?.HttpContext;
        return (http?.User.FindFirstValue(ClaimTypes.NameIdentifier), http?.Connection.RemoteIpAddress?.ToString());
    }

    private static async Task ChainAsync(AppDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var previous = await db.AuditEntries.OrderByDescending(a => a.Sequence).Select(a => a.Hash).FirstOrDefaultAsync(cancellationToken) ?? AuditChain.Genesis;
        foreach (var e in entries)
        {
            e.PreviousHash = previous;
            e.ChangesHash = AuditChain.ChangesHashOf(e.Changes);
            e.Hash = AuditChain.HashOf(e, previous);
            previous = e.Hash;
        }
    }

    private const int RowsPerInsert = 100;

    /// SQLite looks a named parameter up by walking the statement's list of names, so a hundred
    /// rows of eleven values cost half a million name comparisons to bind; and each count of rows
    /// was a statement of its own among those a connection keeps prepared. One row's statement,
    /// stepped once per row inside the append's transaction, is neither.
    private static async Task<int> InsertEachAsync(AppDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var (into, properties) = Insertion(db);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = into + "(" + string.Join(", ", properties.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture))) + ")";
        var written = 0;
        foreach (var e in entries)
        {
            command.Parameters.Clear();
            var values = Values(e);
            for (var i = 0; i < properties.Length; i++)
            {
                command.Parameters.Add(properties[i].GetRelationalTypeMapping().CreateParameter(command, "@p" + i.ToString(CultureInfo.InvariantCulture), values[i], properties[i].IsNullable));
            }

            written += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return written;
    }

    /// The INSERT up to its VALUES, with the inserted properties in order: names from the model, so
    /// a row reads back on either engine exactly as one the change tracker wrote.
    private static (string Into, IProperty[] Properties) Insertion(AppDbContext db)
    {
        var type = db.Model.FindEntityType(typeof(AuditEntry))!;
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var properties = InsertedColumns.Select(c => type.FindProperty(c)!).ToArray();
        var columns = string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
        return ($"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({columns}) VALUES ", properties);
    }

    private static object?[] Values(AuditEntry e) =>
        [e.AtUtc, e.UserId, e.Action, e.EntityType, e.EntityId, e.PersonId, e.IpAddress, e.Changes, e.ChangesHash, e.PreviousHash, e.Hash];

    private static async Task<int> InsertAsync(AppDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        // Values as parameters through the provider's own type mappings, as EF binds them.
        var (into, _) = Insertion(db);
        var written = 0;
        foreach (var chunk in entries.Chunk(RowsPerInsert))
        {
            var values = new List<object?>(chunk.Length * InsertedColumns.Length);
            var rows = new List<string>(chunk.Length);
            foreach (var e in chunk)
            {
                rows.Add("(" + string.Join(", ", InsertedColumns.Select((_, i) => $"{{{values.Count + i}}}")) + ")");
                values.AddRange(Values(e));
            }

            written += await db.Database.ExecuteSqlAsync(FormattableStringFactory.Create(into + string.Join(", ", rows), [.. values]), cancellationToken);
        }

        return written;
    }

    private static readonly string[] InsertedColumns =
    [
        nameof(AuditEntry.AtUtc), nameof(AuditEntry.UserId), nameof(AuditEntry.Action), nameof(AuditEntry.EntityType), nameof(AuditEntry.EntityId),
        nameof(AuditEntry.PersonId), nameof(AuditEntry.IpAddress), nameof(AuditEntry.Changes), nameof(AuditEntry.ChangesHash), nameof(AuditEntry.PreviousHash), nameof(AuditEntry.Hash),
    ];

    private static string? Changes(EntityEntry entry)
    {
        var values = new SortedDictionary<string, object?[]>(StringComparer.Ordinal);
        foreach (var p in entry.Properties)
        {
            // A file's bytes are not a change anyone reads in an audit trail; its size and name are.
            if (p.Metadata.ClrType == typeof(byte[]))
            {
                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added:
                    values[p.Metadata.Name] = [null, p.CurrentValue];
                    break;
                case EntityState.Deleted:
                    values[p.Metadata.Name] = [p.OriginalValue, null];
                    break;
                case EntityState.Modified when p.IsModified && !Equals(p.OriginalValue, p.CurrentValue):
                    values[p.Metadata.Name] = [p.OriginalValue, p.CurrentValue];
                    break;
            }
        }

        // A concurrency token alone changing is not a change of the person's data.
        values.Remove(nameof(HealthBudgetProject.Version));

        // Derived from the other fields, and as long as all of them together.
        values.Remove(nameof(ServiceDirectory.DirectoryService.SearchText));
        return values.Count == 0 ? null : JsonSerializer.Serialize(values, Json);
    }

    private static Guid? PersonOf(AppDbContext db, EntityEntry entry)
    {
        switch (entry.Entity)
        {
            case Person person:
                return person.Id;
            case Consent consent:
                return consent.PersonId;
            case PersonRole role:
                return role.PersonId;
            case LegalRepresentative representative:
                return representative.PersonId;
            case Caregiver caregiver:
                return caregiver.PersonId;
            case HealthBudgetProject project:
                return project.PersonId != Guid.Empty ? project.PersonId : project.Person?.Id;
        }

        var projectId = entry.Metadata.FindProperty("ProjectId") is { } property ? entry.Property(property.Name).CurrentValue as Guid? : null;
        if (projectId is null)
        {
            return null;
        }

        var tracked = db.ChangeTracker.Entries<HealthBudgetProject>().FirstOrDefault(p => p.Entity.Id == projectId);
        return tracked is not null
            ? (tracked.Entity.PersonId != Guid.Empty ? tracked.Entity.PersonId : tracked.Entity.Person?.Id)
            : db.Projects.Where(p => p.Id == projectId).Select(p => (Guid?)p.PersonId).FirstOrDefault();
    }
}
