using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Trama.Web.Data;
using Trama.Web.Features.Organisations;
using Trama.Web.Features.People;
using Trama.Web.Features.Projects;

namespace Trama.Web.Features.Home;

public sealed record StateCount(ProjectState State, int Count);

/// A care worker's caseload in a programme as their home sums it up: how many projects in each
/// state, and the ten whose review falls due first. A CPS sees a thousand projects at a region's
/// scale, and walking them was most of the home's cost on every view, so the summary is kept for
/// each viewer until a project, a care team, a membership or a person is saved in this instance
/// (two minutes at most, for changes made by another). It holds counts and ids only: the page reads
/// the projects due afresh, each checked again through the scope, and audits what it shows.
public sealed class Caseloads(AppDbContext db, IMemoryCache cache)
{
    public sealed record Summary(IReadOnlyList<StateCount> ByState, IReadOnlyList<Guid> DueFirst);

    private const int DueShown = 10;

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    private static readonly Type[] Sources = [typeof(HealthBudgetProject), typeof(CareTeamMember), typeof(OrganisationMembership), typeof(Person)];

    private static readonly ProjectState[] Running = [ProjectState.Active, ProjectState.UnderReview, ProjectState.Remodelled, ProjectState.Suspended];

    public Task<Summary> ForAsync(Viewer viewer, Guid programmeId, DateOnly today) =>
        cache.KeptAsync((nameof(Caseloads), viewer, programmeId, today), Sources, Lifetime, () => ComputeAsync(viewer, programmeId, today));

    private async Task<Summary> ComputeAsync(Viewer viewer, Guid programmeId, DateOnly today)
    {
        // By way, as the project list reads it: a CPS's caseload comes from one index range.
        var caseload = await db.Projects.AsNoTracking()
            .ReadVisibleTo(db, viewer, today, way => way.Where(p => p.ProgrammeId == programmeId).Select(p => new { p.Id, p.State, p.NextReviewDue }))
            .ToListAsync();
        var soon = today.AddDays(30);
        return new Summary(
            caseload.GroupBy(p => p.State).OrderBy(g => g.Key).Select(g => new StateCount(g.Key, g.Count())).ToList(),
            caseload.Where(p => p.NextReviewDue is { } due && due <= soon && Running.Contains(p.State))
                .OrderBy(p => p.NextReviewDue).ThenBy(p => p.Id).Take(DueShown).Select(p => p.Id).ToList());
    }
}
