using Trama.Web.Features.Account;

namespace Trama.Web.Features.Projects;

/// A place on a project's care team for a period. Membership decides who sees the project.
/// People without a login (a neighbour, a relative) are named instead.
public class CareTeamMember
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ProjectId { get; set; }

    public string? UserId { get; set; }

    public AppUser? User { get; set; }

    public string? Name { get; set; }

    public CareTeamRole Role { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }
}
