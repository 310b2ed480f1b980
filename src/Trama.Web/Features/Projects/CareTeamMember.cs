using Microsoft.EntityFrameworkCore;
using Trama.Web.Data;
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

/// The rules of the care team that the page and the API share.
public static class CareTeam
{
    /// Takes a current member off the team: their access ends today. A membership begun today
    /// leaves no history worth keeping and is removed; an older one keeps its dates. False when
    /// there is no such current member. The caller saves.
    public static async Task<bool> EndAsync(AppDbContext db, Guid projectId, Guid memberId, DateOnly today)
    {
        var member = await db.CareTeamMembers.SingleOrDefaultAsync(m => m.Id == memberId && m.ProjectId == projectId && (m.EndsOn == null || m.EndsOn >= today));
        if (member is null)
        {
            return false;
        }

        if (member.StartsOn >= today)
        {
            db.CareTeamMembers.Remove(member);
        }
        else
        {
            member.EndsOn = today.AddDays(-1);
        }

        return true;
    }
}
