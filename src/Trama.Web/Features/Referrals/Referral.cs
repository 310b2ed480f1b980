using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trama.Web.Features.Account;
using Trama.Web.Features.Organisations;
using Trama.Web.Features.ServiceDirectory;

namespace Trama.Web.Features.Referrals;

/// A person sent from one node of the network (a pharmacy, a CPS, the community house) to a
/// service of the guide, and followed until the loop closes. States follow the FHIR/Gravity
/// referral Task, so an export is direct (ReferralLifecycle.FhirStatus).
public class Referral
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ServiceId { get; set; }

    public DirectoryService Service { get; set; } = null!;

    /// The sender's organisation: its members follow the referral and see its outcome.
    public Guid FromOrganisationId { get; set; }

    public Organisation FromOrganisation { get; set; } = null!;

    public required string CreatedByUserId { get; set; }

    public AppUser CreatedBy { get; set; } = null!;

    public DateTime CreatedAtUtc { get; set; }

    /// The minimum the receiver needs to reach the person: name and a contact.
    public required string GivenName { get; set; }

    public required string FamilyName { get; set; }

    public required string Contact { get; set; }

    public required string Reason { get; set; }

    public ReferralUrgency Urgency { get; set; }

    /// The sender's note to the receiver.
    public string? Note { get; set; }

    /// The person agreed to their data going to the receiving organisation.
    public bool ConsentGiven { get; set; }

    /// Without consent, the typed reason for sharing anyway (audited and flagged).
    public string? ConsentOverride { get; set; }

    public ReferralState State { get; set; } = ReferralState.Requested;

    public DateTime StateChangedAtUtc { get; set; }

    /// What happened, told back to the sender: the loop's closing line.
    public string? Outcome { get; set; }

    /// The receiver's own notes, never shown to the sender.
    public string? ReceiverNotes { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    /// The person, when they are in Trama: referred from their project, or registered when a CPS
    /// took the referral into a Budget di Salute project.
    public Guid? PersonId { get; set; }

    /// The Budget di Salute project the referral belongs to: the one it was sent from, or the one
    /// it opened at the CPS (as the project's referral stage).
    public Guid? ProjectId { get; set; }

    public List<ReferralEvent> Events { get; } = [];

    public List<ContactAttempt> ContactAttempts { get; } = [];

    public string FullName => $"{GivenName} {FamilyName}";
}

public enum ReferralUrgency
{
    Routine,
    Soon,
    Urgent,
}

/// One step of a referral's life: who moved it, when, from which state to which, and why.
public class ReferralEvent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ReferralId { get; set; }

    public DateTime AtUtc { get; set; }

    public required string ByUserId { get; set; }

    public AppUser By { get; set; } = null!;

    public ReferralState? From { get; set; }

    public ReferralState To { get; set; }

    public ReferralAction Action { get; set; }

    public string? Note { get; set; }
}

/// The receiver trying to reach the person: the answer to "did anyone call her?".
public class ContactAttempt
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ReferralId { get; set; }

    public DateTime AtUtc { get; set; }

    public required string ByUserId { get; set; }

    public AppUser By { get; set; } = null!;

    public ContactChannel Channel { get; set; }

    public bool Reached { get; set; }

    public string? Note { get; set; }
}

public enum ContactChannel
{
    Phone,
    Message,
    Email,
    InPerson,
}

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.Property(r => r.GivenName).HasMaxLength(100);
        builder.Property(r => r.FamilyName).HasMaxLength(100);
        builder.Property(r => r.Contact).HasMaxLength(200);
        builder.Property(r => r.Reason).HasMaxLength(1000);
        builder.Property(r => r.Note).HasMaxLength(2000);
        builder.Property(r => r.ConsentOverride).HasMaxLength(1000);
        builder.Property(r => r.Outcome).HasMaxLength(2000);
        builder.Property(r => r.ReceiverNotes).HasMaxLength(4000);
        builder.Property(r => r.Urgency).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.FullName);
        builder.HasOne(r => r.Service).WithMany().HasForeignKey(r => r.ServiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.FromOrganisation).WithMany().HasForeignKey(r => r.FromOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.CreatedBy).WithMany().HasForeignKey(r => r.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Events).WithOne().HasForeignKey(e => e.ReferralId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.ContactAttempts).WithOne().HasForeignKey(a => a.ReferralId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<People.Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Projects.HealthBudgetProject>().WithMany().HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.ServiceId, r.State });
        builder.HasIndex(r => new { r.FromOrganisationId, r.State });

        // The lists page newest first: read in index order, they stop at the page's last row. The
        // sent list leaves out referrals to the sender's own services, so it counts its thousands
        // of rows (a CPS at scale L) from the index alone, with the service beside the date.
        builder.HasIndex(r => new { r.FromOrganisationId, r.CreatedAtUtc, r.ServiceId });
        builder.HasIndex(r => new { r.ServiceId, r.CreatedAtUtc });
    }
}

internal sealed class ReferralEventConfiguration : IEntityTypeConfiguration<ReferralEvent>
{
    public void Configure(EntityTypeBuilder<ReferralEvent> builder)
    {
        builder.Property(e => e.From).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.To).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Note).HasMaxLength(2000);
        builder.HasOne(e => e.By).WithMany().HasForeignKey(e => e.ByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ContactAttemptConfiguration : IEntityTypeConfiguration<ContactAttempt>
{
    public void Configure(EntityTypeBuilder<ContactAttempt> builder)
    {
        builder.Property(a => a.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Note).HasMaxLength(1000);
        builder.HasOne(a => a.By).WithMany().HasForeignKey(a => a.ByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
