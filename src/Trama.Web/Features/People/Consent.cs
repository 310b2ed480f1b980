using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trama.Web.Features.Organisations;

namespace Trama.Web.Features.People;

/// What a consent or notice is for.
public enum ConsentPurpose
{
    /// The shared dossier of the project (informativa and consent to the Budget di Salute dossier).
    Dossier,

    /// Sharing the dossier with the partner organisations of the third sector on the care team.
    SharingWithPartners,

    PseudonymisedReporting,
    Photos,
    Research,
    FundraisingContact,
}

/// One statement of a person about one purpose (and, optionally, one organisation): given or
/// withdrawn, on a date, against a version of the notice. Rows are never changed: the latest row
/// per purpose and organisation is the one in force, the earlier ones are its history.
public class Consent
{
    public const string DefaultNotice = "Informativa Budget di Salute v1 (2026)";

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid PersonId { get; set; }

    public ConsentPurpose Purpose { get; set; }

    /// Null: every partner organisation of the programme.
    public Guid? OrganisationId { get; set; }

    public Organisation? Organisation { get; set; }

    public bool Given { get; set; }

    public DateOnly StatedOn { get; set; }

    /// Which version of the notice the person was given, e.g. "Informativa BdS v2 (2026)".
    public required string NoticeVersion { get; set; }

    public required string RecordedByUserId { get; set; }

    public DateTime RecordedAtUtc { get; set; }

    /// The signed form, when there is one (PDF, JPEG or PNG, checked by content).
    public string? DocumentName { get; set; }

    public string? DocumentContentType { get; set; }

    public byte[]? Document { get; set; }
}

internal sealed class ConsentConfiguration : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> builder)
    {
        builder.Property(c => c.Purpose).HasConversion<string>().HasMaxLength(40);
        builder.Property(c => c.NoticeVersion).HasMaxLength(100);
        builder.Property(c => c.RecordedByUserId).HasMaxLength(450);
        builder.Property(c => c.DocumentName).HasMaxLength(200);
        builder.Property(c => c.DocumentContentType).HasMaxLength(50);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Organisation).WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.PersonId, c.Purpose, c.RecordedAtUtc });
    }
}

public static class ConsentQueries
{
    /// Whether the person's latest statement about sharing with partners that concerns one of these
    /// organisations (or all partners) is a consent. The latest wins, so a withdrawal takes effect at once.
    public static async Task<bool> SharesWithAsync(this Data.AppDbContext db, Guid personId, IReadOnlyCollection<Guid> organisationIds)
    {
        var latest = await db.Consents.AsNoTracking()
            .Where(c => c.PersonId == personId && c.Purpose == ConsentPurpose.SharingWithPartners
                && (c.OrganisationId == null || organisationIds.Contains(c.OrganisationId.Value)))
            .OrderByDescending(c => c.RecordedAtUtc).ThenByDescending(c => c.Id)
            .Select(c => (bool?)c.Given)
            .FirstOrDefaultAsync();
        return latest == true;
    }
}
