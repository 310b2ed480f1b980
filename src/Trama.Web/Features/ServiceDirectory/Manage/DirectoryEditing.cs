using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Trama.Web.Data;
using Trama.Web.Features.Account;

namespace Trama.Web.Features.ServiceDirectory.Manage;

/// Who may change which entries of the guide: network coordinators all of them, the staff and
/// volunteers of an organisation its own services and places. Every save leaves a DirectoryChange.
public sealed class DirectoryEditing(AppDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    public const string EditorRoles = $"{Roles.NetworkCoordinator},{Roles.FrontDesk},{Roles.Clinician},{Roles.SocialWorker},{Roles.KeyWorker},{Roles.PeerSupportExpert},{Roles.Volunteer}";

    private IReadOnlyList<Guid>? organisations;

    private ClaimsPrincipal User => http.HttpContext!.User;

    public string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    public bool IsCoordinator => User.IsInRole(Roles.NetworkCoordinator);

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => Infrastructure.ItalianTime.DateOf(UtcNow);

    /// The organisations whose entries the user may change: every one for a coordinator.
    public async Task<IReadOnlyList<Guid>> OrganisationsAsync(CancellationToken cancellationToken = default)
    {
        if (organisations is null)
        {
            var today = Today;
            var userId = UserId;
            organisations = IsCoordinator
                ? await db.Organisations.Select(o => o.Id).ToListAsync(cancellationToken)
                : await db.OrganisationMemberships
                    .Where(m => m.UserId == userId && m.StartsOn <= today && (m.EndsOn == null || m.EndsOn >= today))
                    .Select(m => m.OrganisationId).Distinct().ToListAsync(cancellationToken);
        }

        return organisations;
    }

    public async Task<bool> MayEditAsync(Guid organisationId, CancellationToken cancellationToken = default) =>
        (await OrganisationsAsync(cancellationToken)).Contains(organisationId);

    /// Adds the history row of one save; the caller saves it with the change itself.
    public void Record(string entityType, Guid entityId, IEnumerable<string> fields, DirectoryChangeSource source = DirectoryChangeSource.Form) =>
        db.DirectoryChanges.Add(new DirectoryChange
        {
            EntityType = entityType,
            EntityId = entityId,
            AtUtc = UtcNow,
            UserId = UserId,
            Source = source,
            Fields = string.Join(',', fields),
        });

    public sealed record HistoryRow(DateTime AtUtc, string Who, DirectoryChangeSource Source, IReadOnlyList<string> Fields);

    public async Task<IReadOnlyList<HistoryRow>> HistoryAsync(string entityType, Guid entityId, CancellationToken cancellationToken = default)
    {
        var rows = await db.DirectoryChanges.AsNoTracking()
            .Where(c => c.EntityType == entityType && c.EntityId == entityId)
            .OrderByDescending(c => c.AtUtc).Take(100)
            .Select(c => new { c.AtUtc, Who = db.Users.Where(u => u.Id == c.UserId).Select(u => u.DisplayName).FirstOrDefault(), c.Source, c.Fields })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new HistoryRow(r.AtUtc, r.Who ?? "—", r.Source, r.Fields.Split(',', StringSplitOptions.RemoveEmptyEntries))).ToList();
    }
}
