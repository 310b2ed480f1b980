using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trama.Web.Features.Organisations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.Address).HasMaxLength(300);
        builder.Property(o => o.TaxCode).HasMaxLength(16);
        builder.Property(o => o.ThirdSectorNumber).HasMaxLength(30);
        builder.Property(o => o.Description).HasMaxLength(2000);
        builder.Property(o => o.Website).HasMaxLength(300);
        builder.Property(o => o.Email).HasMaxLength(200);
        builder.Property(o => o.Phone).HasMaxLength(40);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.HasIndex(o => new { o.TerritoryId, o.Name }).IsUnique();
        builder.HasOne(o => o.Parent).WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(o => o.Territory).WithMany().HasForeignKey(o => o.TerritoryId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OrganisationMembershipConfiguration : IEntityTypeConfiguration<OrganisationMembership>
{
    public void Configure(EntityTypeBuilder<OrganisationMembership> builder)
    {
        builder.HasOne(m => m.User).WithMany(u => u.Memberships).HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Organisation).WithMany(o => o.Members).HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.UserId, m.OrganisationId, m.StartsOn }).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("CK_OrganisationMemberships_Period", "\"EndsOn\" IS NULL OR \"EndsOn\" >= \"StartsOn\""));
    }
}
