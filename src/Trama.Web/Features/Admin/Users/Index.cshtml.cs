using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Trama.Web.Data;
using Trama.Web.Features.Account;

namespace Trama.Web.Features.Admin.Users;

[Authorize(Policy = AccountSetup.AdministrationPolicy)]
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public sealed record UserRow(string Id, string UserName, string DisplayName, string? Email, bool IsActive, bool IsLockedOut, IReadOnlyList<string> Roles, IReadOnlyList<string> Organisations);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var now = clock.GetUtcNow();
        var today = Infrastructure.ItalianTime.DateOf(now.UtcDateTime);
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // EF Core turns ToUpper() into SQL UPPER(): no .NET culture is involved.
            query = query.Where(u => u.NormalizedUserName!.Contains(q) || u.NormalizedEmail!.Contains(q) || u.DisplayName.ToUpper().Contains(q));
#pragma warning restore CA1304, CA1311, CA1862
        }

        if (Roles.All.Contains(Role))
        {
            var roleId = await db.Roles.Where(r => r.Name == Role).Select(r => r.Id).SingleAsync();
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId));
        }

        var rows = await query
            .OrderBy(u => u.DisplayName)
            .Select(u => new
            {
                u.Id,
                u.UserName,
                u.DisplayName,
                u.Email,
                u.IsActive,
                u.LockoutEnd,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
                Organisations = u.Memberships
                    .Where(m => m.StartsOn <= today && (m.EndsOn == null || m.EndsOn >= today))
                    .Select(m => m.Organisation.Name).ToList(),
            })
            .Take(500)
            .ToListAsync();
        Users = rows.Select(u => new UserRow(u.Id, u.UserName!, u.DisplayName, u.Email, u.IsActive, u.LockoutEnd > now, u.Roles, u.Organisations)).ToList();
    }
}
