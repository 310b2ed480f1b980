using Microsoft.EntityFrameworkCore;
using Trama.Web.Data;

namespace Trama.Web.Features.Projects;

/// One page of the projects a viewer may see that match a query, for the list page and the API.
internal static class ProjectListing
{
    public sealed record Listed(Guid Id, Guid PersonId, string Code, string FamilyName, string GivenName, string Centre, ProjectState State, Intensity? Intensity, DateOnly ReferredOn, DateOnly? NextReviewDue);

    public sealed record Page(IReadOnlyList<Listed> Rows, int Number, int Total);

    private sealed record Key(Guid Id, string Code, string Name, DateOnly ReferredOn, DateOnly? NextReviewDue);

    /// One pass over the viewer's caseload: the sort keys of every match, counted and ordered here,
    /// then the page's rows by id, each checked again on its own row. Counting and paging in the
    /// database walked the care-team scope twice, a third of the page's time for a CPS at a
    /// region's scale. The filter is applied to each way a project comes into view before they
    /// are united, so that a CPS's caseload is narrowed by its index on centre and state instead
    /// of being looked up id by id. The page number is brought within the pages there are, and
    /// exactly the rows returned are audited as read.
    public static async Task<Page> PageAsync(AppDbContext db, Audit.AuditTrail audit, Viewer viewer, DateOnly today,
        Func<IQueryable<HealthBudgetProject>, IQueryable<HealthBudgetProject>> filtered, string? sort, int number, int size)
    {
        var keys = (await db.Projects.AsNoTracking()
            .ReadVisibleTo(db, viewer, today, way => filtered(way).Select(p => new { p.Id, p.Person.PseudonymousCode, p.Person.NormalisedName, p.ReferredOn, p.NextReviewDue }))
            .ToListAsync())
            .ConvertAll(k => new Key(k.Id, k.PseudonymousCode, k.NormalisedName, k.ReferredOn, k.NextReviewDue));
        number = Math.Clamp(number, 1, Infrastructure.Pager.PagesFor(keys.Count, size));
        var ids = Ordered(keys, sort).Skip((number - 1) * size).Take(size).Select(k => k.Id).ToList();
        var found = await db.Projects.AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .VisibleOneTo(db, viewer, today)
            .Select(p => new Listed(p.Id, p.PersonId, p.Person.PseudonymousCode, p.Person.FamilyName, p.Person.GivenName, p.MentalHealthCentre.Name, p.State, p.Intensity, p.ReferredOn, p.NextReviewDue))
            .ToDictionaryAsync(p => p.Id);
        var rows = ids.Where(found.ContainsKey).Select(id => found[id]).ToList();
        await audit.RecordReadsAsync("ProjectList", rows.Select(r => (r.Id.ToString(), (Guid?)r.PersonId)));
        return new Page(rows, number, keys.Count);
    }

    /// The id last, so that equal keys keep one order from page to page.
    private static IEnumerable<Key> Ordered(IEnumerable<Key> keys, string? sort) => sort switch
    {
        "code" => keys.OrderBy(k => k.Code, StringComparer.Ordinal).ThenBy(k => k.Id),
        "name" => keys.OrderBy(k => k.Name, StringComparer.Ordinal).ThenBy(k => k.Id),
        "review" => keys.OrderBy(k => k.NextReviewDue == null).ThenBy(k => k.NextReviewDue).ThenBy(k => k.Id),
        _ => keys.OrderByDescending(k => k.ReferredOn).ThenBy(k => k.Code, StringComparer.Ordinal).ThenBy(k => k.Id),
    };
}
