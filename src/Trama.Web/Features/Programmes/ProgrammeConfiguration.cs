using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trama.Web.Features.Programmes;

internal sealed class TerritoryConfiguration : IEntityTypeConfiguration<Territory>
{
    public void Configure(EntityTypeBuilder<Territory> builder)
    {
        builder.Property(t => t.Code).HasMaxLength(40);
        builder.HasIndex(t => t.Code).IsUnique();
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.Region).HasMaxLength(100);
        builder.Property(t => t.Municipality).HasMaxLength(100);
    }
}

internal sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> builder)
    {
        builder.Property(p => p.Code).HasMaxLength(40);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Summary).HasMaxLength(2000);
        builder.Property(p => p.FunderName).HasMaxLength(200);
        builder.HasOne(p => p.Territory).WithMany(t => t.Programmes).HasForeignKey(p => p.TerritoryId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Programmes_FunderShare", "\"FunderMaxSharePercent\" IS NULL OR (\"FunderMaxSharePercent\" BETWEEN 0 AND 100)");
            t.HasCheckConstraint("CK_Programmes_ReviewInterval", "\"ReviewIntervalMonths\" BETWEEN 1 AND 24");
            t.HasCheckConstraint("CK_Programmes_HourlyRates", "\"StaffHourlyRateCents\" >= 0 AND \"PeerHourlyRateCents\" >= 0 AND \"VolunteerHourlyRateCents\" >= 0");
        });
    }
}

internal sealed class ProgrammePartnerConfiguration : IEntityTypeConfiguration<ProgrammePartner>
{
    public void Configure(EntityTypeBuilder<ProgrammePartner> builder)
    {
        builder.HasKey(p => new { p.ProgrammeId, p.OrganisationId });
        builder.HasOne(p => p.Programme).WithMany(p => p.Partners).HasForeignKey(p => p.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Organisation).WithMany(o => o.Programmes).HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PhaseNameConfiguration : IEntityTypeConfiguration<PhaseName>
{
    public void Configure(EntityTypeBuilder<PhaseName> builder)
    {
        builder.HasKey(p => new { p.ProgrammeId, p.State });
        builder.Property(p => p.State).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.NameIt).HasMaxLength(60);
        builder.Property(p => p.NameEn).HasMaxLength(60);
        builder.HasOne<Programme>().WithMany().HasForeignKey(p => p.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TariffTableEntryConfiguration : IEntityTypeConfiguration<TariffTableEntry>
{
    public void Configure(EntityTypeBuilder<TariffTableEntry> builder)
    {
        builder.Property(t => t.Intensity).HasConversion<string>().HasMaxLength(10);
        builder.Property(t => t.Unit).HasConversion<string>().HasMaxLength(10);
        builder.Ignore(t => t.TotalCents);
        builder.HasOne<Territory>().WithMany().HasForeignKey(t => t.TerritoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.TerritoryId, t.Intensity, t.ValidFrom }).IsUnique();
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_TariffTableEntries_Shares", "\"HealthShareCents\" >= 0 AND \"SocialShareCents\" >= 0");
            t.HasCheckConstraint("CK_TariffTableEntries_Period", "\"ValidTo\" IS NULL OR \"ValidTo\" >= \"ValidFrom\"");
        });
    }
}
