using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trama.Web.Infrastructure.Jobs;

/// One run of a scheduled job for one slot of its schedule. The row is the lease: whichever
/// instance inserts it runs the job, so several instances on one database run it once.
public class JobRun
{
    public required string Job { get; set; }

    /// The slot's start, in seconds since 1970 (UTC): the same number on every instance.
    public long Slot { get; set; }

    public required string Instance { get; set; }

    public DateTime StartedAtUtc { get; set; }

    /// Another instance may take the slot over once this passes without a finish (its holder died).
    public DateTime LeaseUntilUtc { get; set; }

    public DateTime? FinishedAtUtc { get; set; }

    public int Attempts { get; set; } = 1;

    public bool? Succeeded { get; set; }

    /// What the job reports, in a few words; never person data.
    public string? Outcome { get; set; }
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.HasKey(r => new { r.Job, r.Slot });
        builder.Property(r => r.Job).HasMaxLength(60);
        builder.Property(r => r.Instance).HasMaxLength(200);
        builder.Property(r => r.Outcome).HasMaxLength(500);
        builder.HasIndex(r => r.StartedAtUtc);
    }
}
