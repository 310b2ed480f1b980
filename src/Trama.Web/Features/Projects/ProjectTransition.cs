namespace Trama.Web.Features.Projects;

/// One step of a project's timeline: who moved it, when, from where to where, and why.
public class ProjectTransition
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ProjectId { get; set; }

    public ProjectState From { get; set; }

    public ProjectState To { get; set; }

    public ProjectAction Action { get; set; }

    public DateTime AtUtc { get; set; }

    public required string ByUserId { get; set; }

    public string? Reason { get; set; }
}
