using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Trama.Web.Data;

namespace Trama.Web.Features.ServiceDirectory.Manage;

/// The entries the user may change: their organisations' services and places (every one for a
/// coordinator), with the ones not verified for a year marked.
[Authorize(Roles = DirectoryEditing.EditorRoles)]
public sealed class IndexModel(AppDbContext db, DirectoryEditing editing) : PageModel
{
    /// An entry not checked with its service for this long is marked for verification.
    public const int VerifyAfterMonths = 12;

    public sealed record ServiceRow(Guid Id, string Name, string Organisation, ServiceStatus Status, DateOnly LastVerifiedOn, bool Stale);

    public sealed record PlaceRow(Guid Id, string Name, string Organisation, string Address);

    public IReadOnlyList<(Guid Id, string Name)> Organisations { get; private set; } = [];

    public IReadOnlyList<ServiceRow> Services { get; private set; } = [];

    public IReadOnlyList<PlaceRow> Places { get; private set; } = [];

    public bool IsCoordinator => editing.IsCoordinator;

    [BindProperty(SupportsGet = true)]
    public Guid? Organisation { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var mine = await editing.OrganisationsAsync(cancellationToken);
        Organisations = (await db.Organisations.Where(o => mine.Contains(o.Id)).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken))
            .Select(o => (o.Id, o.Name)).ToList();
        if (Organisations.Count == 0)
        {
            return Forbid();
        }

        if (Organisation is { } chosen && Organisations.All(o => o.Id != chosen))
        {
            Organisation = null;
        }

        IReadOnlyList<Guid> shown = Organisation is { } one ? [one] : mine;
        var staleBefore = editing.Today.AddMonths(-VerifyAfterMonths);
        Services = await db.DirectoryServices.AsNoTracking().Where(s => shown.Contains(s.OrganisationId))
            .OrderBy(s => s.Organisation.Name).ThenBy(s => s.Name).Take(500)
            .Select(s => new ServiceRow(s.Id, s.Name, s.Organisation.Name, s.Status, s.LastVerifiedOn, s.LastVerifiedOn < staleBefore))
            .ToListAsync(cancellationToken);
        Places = (await db.DirectoryLocations.AsNoTracking().Where(l => shown.Contains(l.OrganisationId))
            .OrderBy(l => l.Organisation.Name).ThenBy(l => l.Name).Take(500)
            .Select(l => new { l.Id, l.Name, Organisation = l.Organisation.Name, l.Street, l.PostalCode, l.City })
            .ToListAsync(cancellationToken))
            .Select(l => new PlaceRow(l.Id, l.Name, l.Organisation, $"{l.Street}, {l.PostalCode} {l.City}")).ToList();
        return Page();
    }
}
