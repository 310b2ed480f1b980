using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trama.Web.Features.Account;
using Trama.Web.Features.Projects;

namespace Trama.Web.Features.Privacy;

/// Break-the-glass: a clinician opened a project outside their scope for an urgent reason. The
/// access lasts a few hours, is read-only, and waits for the privacy officer's review.
public class EmergencyAccess
{
    public static readonly TimeSpan Duration = TimeSpan.FromHours(4);

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ProjectId { get; set; }

    public HealthBudgetProject Project { get; set; } = null!;

    public required string UserId { get; set; }

    public AppUser User { get; set; } = null!;

    public required string Reason { get; set; }

    public DateTime StartedAtUtc { get; set; }

    public DateTime EndsAtUtc { get; set; }

    public DateTime? ReviewedAtUtc { get; set; }

    public string? ReviewedByUserId { get; set; }

    public string? ReviewNote { get; set; }
}

internal sealed class EmergencyAccessConfiguration : IEntityTypeConfiguration<EmergencyAccess>
{
    public void Configure(EntityTypeBuilder<EmergencyAccess> builder)
    {
        builder.Property(e => e.Reason).HasMaxLength(1000);
        builder.Property(e => e.ReviewNote).HasMaxLength(1000);
        builder.HasOne(e => e.Project).WithMany().HasForeignKey(e => e.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.User).WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(e => e.ReviewedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.UserId, e.ProjectId, e.EndsAtUtc });
        builder.HasIndex(e => e.ReviewedAtUtc);
    }
}
