using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trama.Web.Features.Projects;

internal sealed class HealthBudgetProjectConfiguration : IEntityTypeConfiguration<HealthBudgetProject>
{
    public void Configure(EntityTypeBuilder<HealthBudgetProject> builder)
    {
        builder.ToTable("Projects");
        builder.Property(p => p.State).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.Intensity).HasConversion<string>().HasMaxLength(10);
        builder.Property(p => p.Urgency).HasConversion<string>().HasMaxLength(10);
        builder.Property(p => p.ClosureReason).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.ReferralSource).HasMaxLength(200);
        builder.Property(p => p.ReferralReason).HasMaxLength(2000);
        builder.Property(p => p.Strengths).HasMaxLength(4000);
        builder.Property(p => p.WishesInOwnWords).HasMaxLength(4000);
        builder.Property(p => p.CrisisSigns).HasMaxLength(4000);
        builder.Property(p => p.CrisisWhatHelps).HasMaxLength(4000);
        builder.Property(p => p.CrisisWhoToCall).HasMaxLength(2000);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => new { p.ProgrammeId, p.State });
        // The care-team scope gathers a CPS's project ids, the project list reads a CPS's
        // caseload by state with its sort keys, and the home counts that caseload by state and
        // review date: all are read from these indexes alone, without visiting each project's
        // wide row (a CPS has a thousand at a region's scale).
        builder.HasIndex(p => new { p.MentalHealthCentreId, p.State, p.ProgrammeId, p.Id, p.PersonId, p.ReferredOn, p.NextReviewDue });
        builder.HasIndex(p => new { p.Id, p.ProgrammeId, p.State, p.NextReviewDue });
        builder.HasOne(p => p.Programme).WithMany().HasForeignKey(p => p.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Person).WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.MentalHealthCentre).WithMany().HasForeignKey(p => p.MentalHealthCentreId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Transitions).WithOne().HasForeignKey(t => t.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Team).WithOne().HasForeignKey(t => t.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Goals).WithOne().HasForeignKey(g => g.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Reviews).WithOne().HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Diary).WithOne().HasForeignKey(d => d.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t => t.HasCheckConstraint("CK_Projects_ClosedAfterReferral", "\"ClosedOn\" IS NULL OR \"ClosedOn\" >= \"ReferredOn\""));
    }
}

internal sealed class ProjectTransitionConfiguration : IEntityTypeConfiguration<ProjectTransition>
{
    public void Configure(EntityTypeBuilder<ProjectTransition> builder)
    {
        builder.Property(t => t.From).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.To).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.Action).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.Reason).HasMaxLength(2000);
        builder.Property(t => t.ByUserId).HasMaxLength(450);
        builder.HasIndex(t => new { t.ProjectId, t.AtUtc });
    }
}

internal sealed class CareTeamMemberConfiguration : IEntityTypeConfiguration<CareTeamMember>
{
    public void Configure(EntityTypeBuilder<CareTeamMember> builder)
    {
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(30);
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.UserId, m.ProjectId });
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_CareTeamMembers_Period", "\"EndsOn\" IS NULL OR \"EndsOn\" >= \"StartsOn\"");
            t.HasCheckConstraint("CK_CareTeamMembers_Who", "\"UserId\" IS NOT NULL OR \"Name\" IS NOT NULL");
        });
    }
}

internal sealed class LifeAreaConfiguration : IEntityTypeConfiguration<LifeArea>
{
    public void Configure(EntityTypeBuilder<LifeArea> builder)
    {
        builder.Property(a => a.Code).HasMaxLength(40);
        builder.Property(a => a.NameIt).HasMaxLength(100);
        builder.Property(a => a.NameEn).HasMaxLength(100);
        builder.Property(a => a.NationalArea).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(a => new { a.ProgrammeId, a.Code }).IsUnique();
        builder.HasOne(a => a.Programme).WithMany().HasForeignKey(a => a.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GoalConfiguration : IEntityTypeConfiguration<Goal>
{
    public void Configure(EntityTypeBuilder<Goal> builder)
    {
        builder.Property(g => g.Title).HasMaxLength(500);
        foreach (var level in new[] { nameof(Goal.MuchLess), nameof(Goal.Less), nameof(Goal.Expected), nameof(Goal.More), nameof(Goal.MuchMore) })
        {
            builder.Property(level).HasMaxLength(500);
        }

        builder.HasOne(g => g.LifeArea).WithMany().HasForeignKey(g => g.LifeAreaId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(g => g.Version).IsConcurrencyToken();
        builder.ToTable(t => t.HasCheckConstraint("CK_Goals_Weight", "\"Weight\" BETWEEN 1 AND 3"));
    }
}

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> builder)
    {
        builder.Property(r => r.Narrative).HasMaxLength(4000);
        builder.Property(r => r.Decision).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.RecordedByUserId).HasMaxLength(450);
        builder.HasMany(r => r.Ratings).WithOne().HasForeignKey(r => r.ReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GoalRatingConfiguration : IEntityTypeConfiguration<GoalRating>
{
    public void Configure(EntityTypeBuilder<GoalRating> builder)
    {
        builder.HasKey(r => new { r.ReviewId, r.GoalId });
        builder.HasOne(r => r.Goal).WithMany().HasForeignKey(r => r.GoalId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("CK_GoalRatings_Level", "\"Level\" BETWEEN -2 AND 2"));
    }
}

internal sealed class DiaryEntryConfiguration : IEntityTypeConfiguration<DiaryEntry>
{
    public void Configure(EntityTypeBuilder<DiaryEntry> builder)
    {
        builder.Property(d => d.Type).HasConversion<string>().HasMaxLength(40);
        builder.Property(d => d.Sensitivity).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Notes).HasMaxLength(4000);
        builder.HasOne(d => d.Author).WithMany().HasForeignKey(d => d.AuthorUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(d => d.LifeArea).WithMany().HasForeignKey(d => d.LifeAreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(d => d.Goal).WithMany().HasForeignKey(d => d.GoalId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.ProjectId, d.OccurredOn });
        builder.ToTable(t => t.HasCheckConstraint("CK_DiaryEntries_Duration", "\"DurationMinutes\" BETWEEN 0 AND 1440"));
    }
}

internal sealed class AssessmentParticipantConfiguration : IEntityTypeConfiguration<AssessmentParticipant>
{
    public void Configure(EntityTypeBuilder<AssessmentParticipant> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.Organisation).HasMaxLength(200);
        builder.Property(a => a.Role).HasConversion<string>().HasMaxLength(30);
        builder.HasOne<HealthBudgetProject>().WithMany().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.ProjectId, a.SortOrder });
    }
}
