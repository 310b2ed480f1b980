namespace Trama.Web.Features.Projects;

/// A periodic verification (T0, T6, T12…) with a GAS rating of every goal and a decision.
public class Review
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ProjectId { get; set; }

    public DateOnly HeldOn { get; set; }

    public required string Narrative { get; set; }

    public ReviewDecision Decision { get; set; }

    /// The GAS T-score of this review's ratings, kept so trends need no recomputation.
    public double? TScore { get; set; }

    public required string RecordedByUserId { get; set; }

    public List<GoalRating> Ratings { get; } = [];
}

public class GoalRating
{
    public Guid ReviewId { get; set; }

    public Guid GoalId { get; set; }

    public Goal Goal { get; set; } = null!;

    public int Level { get; set; }
}
