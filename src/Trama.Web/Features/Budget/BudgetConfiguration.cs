using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trama.Web.Features.Projects;

namespace Trama.Web.Features.Budget;

internal sealed class BudgetLineConfiguration : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> builder)
    {
        builder.Property(l => l.Source).HasConversion<string>().HasMaxLength(30);
        builder.Property(l => l.Nature).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<HealthBudgetProject>().WithMany().HasForeignKey(l => l.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.LifeArea).WithMany().HasForeignKey(l => l.LifeAreaId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_BudgetLines_Planned", "\"PlannedCents\" >= 0");
            t.HasCheckConstraint("CK_BudgetLines_Committed", "\"CommittedCents\" >= 0");
            t.HasCheckConstraint("CK_BudgetLines_Period", "\"PeriodEnd\" IS NULL OR \"PeriodStart\" IS NULL OR \"PeriodEnd\" >= \"PeriodStart\"");
        });
    }
}

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> builder)
    {
        builder.Property(e => e.Source).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Supplier).HasMaxLength(200);
        builder.Property(e => e.Description).HasMaxLength(1000);
        builder.Property(e => e.RecordedByUserId).HasMaxLength(450);
        builder.HasOne<HealthBudgetProject>().WithMany().HasForeignKey(e => e.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.LifeArea).WithMany().HasForeignKey(e => e.LifeAreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.ProjectId, e.SpentOn });
        builder.ToTable(t => t.HasCheckConstraint("CK_LedgerEntries_Amount", "\"AmountCents\" > 0"));
    }
}
