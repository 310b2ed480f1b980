using Trama.Web.Features.Account;

namespace Trama.Web.Features.Projects;

/// An encounter or intervention, logged by whoever did it.
public class DiaryEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ProjectId { get; set; }

    public DiaryEntryType Type { get; set; }

    public DateOnly OccurredOn { get; set; }

    public int DurationMinutes { get; set; }

    public Guid? LifeAreaId { get; set; }

    public LifeArea? LifeArea { get; set; }

    public Guid? GoalId { get; set; }

    public Goal? Goal { get; set; }

    public required string Notes { get; set; }

    public Sensitivity Sensitivity { get; set; }

    /// Obscured at the person's request (oscuramento): then only its author and the project's CPS
    /// referent see it, and nothing shown to anyone else gives away that it exists.
    public bool IsObscured { get; set; }

    public required string AuthorUserId { get; set; }

    public AppUser Author { get; set; } = null!;

    public DateTime CreatedAtUtc { get; set; }
}
