using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Trama.Web.Data;
using Trama.Web.Features.Account;

namespace Trama.Web.Features.Audit;

/// The person's right to know who accessed their record (Garante's rules on health dossiers).
[Authorize(Roles = Roles.Beneficiary)]
public sealed class MyRecordModel(AppDbContext db) : PageModel
{
    public sealed record AccessRow(DateTime AtUtc, string Who, string Action, string What);

    public IReadOnlyList<AccessRow> Accesses { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var personId = await db.People.Where(p => p.UserId == userId).Select(p => (Guid?)p.Id).SingleOrDefaultAsync();
        if (personId is null)
        {
            return;
        }

        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => a.PersonId == personId && a.UserId != null && a.UserId != userId)
            .OrderByDescending(a => a.Sequence)
            .Take(200)
            .Select(a => new { a.AtUtc, a.UserId, a.Action, a.EntityType })
            .ToListAsync();
        var ids = rows.Select(r => r.UserId).OfType<string>().Distinct().ToList();
        var names = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        Accesses = rows.Select(r => new AccessRow(r.AtUtc, r.UserId is { } id && names.TryGetValue(id, out var n) ? n : "Trama", r.Action, r.EntityType)).ToList();
    }
}
