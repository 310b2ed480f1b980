using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Trama.Web.Data;

namespace Trama.Web.Features.Audit;

public sealed record AuditVerification(long Checked, long? FirstBrokenSequence)
{
    public bool IsIntact => FirstBrokenSequence is null;
}

/// The hash chain over the audit trail: SHA-256 of the previous hash and the row's content.
public static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// PostgreSQL keeps microseconds: instants are cut to that before hashing, so a row read back
    /// from either engine hashes the same.
    public static DateTime Instant(DateTime utc) => new(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);

    public static string HashOf(AuditEntry e, string previousHash)
    {
        var content = string.Join('\u001f',
            previousHash,
            e.AtUtc.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture),
            e.UserId ?? string.Empty,
            e.Action,
            e.EntityType,
            e.EntityId,
            e.PersonId?.ToString() ?? string.Empty,
            e.IpAddress ?? string.Empty,
            e.ChangesHash ?? e.Changes ?? string.Empty);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }

    public static string? ChangesHashOf(string? changes) =>
        changes is null ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(changes)));

    /// Walks the whole trail in order; reports the first row whose hash or link does not hold.
    public static async Task<AuditVerification> VerifyAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var previous = Genesis;
        long checkedRows = 0;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var valuesIntact = entry.Changes is null || entry.ChangesHash is null || ChangesHashOf(entry.Changes) == entry.ChangesHash;
            if (!valuesIntact || entry.PreviousHash != previous || HashOf(entry, previous) != entry.Hash)
            {
                return new AuditVerification(checkedRows, entry.Sequence);
            }

            previous = entry.Hash;
            checkedRows++;
        }

        return new AuditVerification(checkedRows, null);
    }
}
