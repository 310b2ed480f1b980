namespace Trama.Web.Features.Projects;

/// A goal written with the person, with a Goal Attainment Scaling description for every level
/// from −2 (much less than expected) to +2 (much more than expected); 0 is the expected outcome.
public class Goal
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ProjectId { get; set; }

    public Guid LifeAreaId { get; set; }

    public LifeArea LifeArea { get; set; } = null!;

    public required string Title { get; set; }

    public required string MuchLess { get; set; }

    public required string Less { get; set; }

    public required string Expected { get; set; }

    public required string More { get; set; }

    public required string MuchMore { get; set; }

    public int Weight { get; set; } = 1;

    public DateTime CreatedAtUtc { get; set; }

    /// Changes on every save; a save carrying an older value is a concurrent edit.
    public Guid Version { get; set; } = Guid.NewGuid();
}
