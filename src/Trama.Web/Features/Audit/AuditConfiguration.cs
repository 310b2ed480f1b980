using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trama.Web.Features.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasKey(a => a.Sequence);
        builder.Property(a => a.Action).HasMaxLength(20);
        builder.Property(a => a.EntityType).HasMaxLength(60);
        builder.Property(a => a.EntityId).HasMaxLength(200);
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.IpAddress).HasMaxLength(64);
        builder.Property(a => a.PreviousHash).HasMaxLength(64);
        builder.Property(a => a.Hash).HasMaxLength(64);
        builder.HasIndex(a => new { a.PersonId, a.AtUtc });
        builder.HasIndex(a => new { a.UserId, a.AtUtc });
    }
}
