using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trama.Web.Features.People;

internal sealed class PersonRoleConfiguration : IEntityTypeConfiguration<PersonRole>
{
    public void Configure(EntityTypeBuilder<PersonRole> builder)
    {
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Note).HasMaxLength(500);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.PersonId, r.Kind });
        builder.ToTable(t => t.HasCheckConstraint("CK_PersonRoles_Period", "\"EndsOn\" IS NULL OR \"EndsOn\" >= \"StartsOn\""));
    }
}

internal sealed class LegalRepresentativeConfiguration : IEntityTypeConfiguration<LegalRepresentative>
{
    public void Configure(EntityTypeBuilder<LegalRepresentative> builder)
    {
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.Phone).HasMaxLength(40);
        builder.Property(r => r.Email).HasMaxLength(256);
        builder.Property(r => r.CourtDecree).HasMaxLength(300);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t => t.HasCheckConstraint("CK_LegalRepresentatives_Period", "\"EndsOn\" IS NULL OR \"EndsOn\" >= \"StartsOn\""));
    }
}

internal sealed class CaregiverConfiguration : IEntityTypeConfiguration<Caregiver>
{
    public void Configure(EntityTypeBuilder<Caregiver> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.Relationship).HasMaxLength(100);
        builder.Property(r => r.Phone).HasMaxLength(40);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t => t.HasCheckConstraint("CK_Caregivers_Period", "\"EndsOn\" IS NULL OR \"EndsOn\" >= \"StartsOn\""));
    }
}
