using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trama.Web.Features.Account;

namespace Trama.Web.Features.People;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.Property(p => p.PseudonymousCode).HasMaxLength(20);
        builder.HasIndex(p => p.PseudonymousCode).IsUnique();
        builder.Property(p => p.GivenName).HasMaxLength(100);
        builder.Property(p => p.FamilyName).HasMaxLength(100);
        builder.Property(p => p.FiscalCode).HasMaxLength(16);
        builder.HasIndex(p => p.FiscalCode).IsUnique();
        builder.Property(p => p.NormalisedName).HasMaxLength(201);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => p.NormalisedName);
        // The project list searches each project's person by code and name: read from this
        // index alone, a narrow entry per person instead of the wide row behind the key.
        builder.HasIndex(p => new { p.Id, p.PseudonymousCode, p.NormalisedName });
        builder.Property(p => p.Sex).HasConversion<string>().HasMaxLength(10);
        builder.Property(p => p.Gender).HasMaxLength(50);
        builder.Property(p => p.Phone).HasMaxLength(40);
        builder.Property(p => p.Email).HasMaxLength(256);
        builder.Property(p => p.Address).HasMaxLength(300);
        builder.Property(p => p.Languages).HasMaxLength(200);
        builder.Property(p => p.LivingSituation).HasMaxLength(200);
        builder.Property(p => p.GeneralPractitioner).HasMaxLength(200);
        builder.HasOne(p => p.Programme).WithMany().HasForeignKey(p => p.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithOne().HasForeignKey<Person>(p => p.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}
