using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trama.Web.Features.ServiceDirectory;

internal sealed class DirectoryServiceConfiguration : IEntityTypeConfiguration<DirectoryService>
{
    public void Configure(EntityTypeBuilder<DirectoryService> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Description).HasMaxLength(4000);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.Eligibility).HasMaxLength(1000);
        builder.Property(s => s.HowToAccess).HasMaxLength(1000);
        builder.Property(s => s.Cost).HasMaxLength(500);
        builder.Property(s => s.Capacity).HasMaxLength(500);
        builder.Property(s => s.Languages).HasMaxLength(100);
        builder.Property(s => s.Phone).HasMaxLength(40);
        builder.Property(s => s.Email).HasMaxLength(200);
        builder.Property(s => s.Website).HasMaxLength(300);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Property(s => s.SearchText).HasMaxLength(6000);
        builder.HasOne(s => s.Organisation).WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Categories).WithMany(c => c.Services).UsingEntity("DirectoryServiceCategories");
        builder.HasIndex(s => s.Name);

        // The guide's language list is the distinct values of this column on every request: read
        // from the index, not from a region's ten thousand descriptions.
        builder.HasIndex(s => s.Languages);

        // A search near a point reads each place's service for its state and name: from this
        // index, not from the service's whole row.
        builder.HasIndex(s => new { s.Id, s.Status, s.Name });
    }
}

internal sealed class DirectoryLocationConfiguration : IEntityTypeConfiguration<DirectoryLocation>
{
    public void Configure(EntityTypeBuilder<DirectoryLocation> builder)
    {
        builder.Property(l => l.Name).HasMaxLength(200);
        builder.Property(l => l.Street).HasMaxLength(200);
        builder.Property(l => l.PostalCode).HasMaxLength(10);
        builder.Property(l => l.City).HasMaxLength(100);
        builder.Property(l => l.Province).HasMaxLength(2);
        builder.Property(l => l.Accessibility).HasMaxLength(500);
        builder.Property(l => l.Transport).HasMaxLength(500);
        builder.Ignore(l => l.Address);
        builder.Property(l => l.Version).IsConcurrencyToken();
        builder.HasOne(l => l.Organisation).WithMany().HasForeignKey(l => l.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        // The box of a search near a point, with what the search reads of each place in it, so
        // that the box is answered from the index alone.
        builder.HasIndex(l => new { l.Latitude, l.Longitude, l.Id, l.Name });
    }
}

internal sealed class ServiceAtLocationConfiguration : IEntityTypeConfiguration<ServiceAtLocation>
{
    public void Configure(EntityTypeBuilder<ServiceAtLocation> builder)
    {
        builder.ToTable("ServicesAtLocations");
        builder.HasOne(s => s.Service).WithMany(s => s.Locations).HasForeignKey(s => s.ServiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.Location).WithMany().HasForeignKey(s => s.LocationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Hours).WithOne().HasForeignKey(h => h.ServiceAtLocationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Closures).WithOne().HasForeignKey(c => c.ServiceAtLocationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.ServiceId, s.LocationId }).IsUnique();

        // From a place to its services, read from the index alone in a search near a point.
        builder.HasIndex(s => new { s.LocationId, s.ServiceId, s.Id });
    }
}

internal sealed class OpeningHoursConfiguration : IEntityTypeConfiguration<OpeningHours>
{
    public void Configure(EntityTypeBuilder<OpeningHours> builder)
    {
        builder.Property(h => h.Day).HasConversion<string>().HasMaxLength(10);
        builder.ToTable(t => t.HasCheckConstraint("CK_OpeningHours_Range", "\"Closes\" > \"Opens\""));
    }
}

internal sealed class ClosureConfiguration : IEntityTypeConfiguration<Closure>
{
    public void Configure(EntityTypeBuilder<Closure> builder)
    {
        builder.Property(c => c.Reason).HasMaxLength(200);
        builder.ToTable(t => t.HasCheckConstraint("CK_Closures_Period", "\"To\" >= \"From\""));
    }
}

internal sealed class ServiceCategoryConfiguration : IEntityTypeConfiguration<ServiceCategory>
{
    public void Configure(EntityTypeBuilder<ServiceCategory> builder)
    {
        builder.Property(c => c.Code).HasMaxLength(40);
        builder.Property(c => c.NameIt).HasMaxLength(100);
        builder.Property(c => c.NameEn).HasMaxLength(100);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => c.Code).IsUnique();
    }
}

internal sealed class DirectoryChangeConfiguration : IEntityTypeConfiguration<DirectoryChange>
{
    public void Configure(EntityTypeBuilder<DirectoryChange> builder)
    {
        builder.Property(c => c.EntityType).HasMaxLength(20);
        builder.Property(c => c.Source).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.Fields).HasMaxLength(1000);
        builder.HasIndex(c => new { c.EntityType, c.EntityId, c.AtUtc });
    }
}
