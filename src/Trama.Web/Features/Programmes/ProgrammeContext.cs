using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Trama.Web.Data;
using Trama.Web.Features.Account;

namespace Trama.Web.Features.Programmes;

public sealed record ProgrammeSummary(Guid Id, string Code, string Name, string TerritoryName);

/// The programmes the signed-in user works in (through their current organisations, or as the
/// person in care) and the one chosen in the header. Resolved once per request; every page asks,
/// so the list is kept per user and day until a programme, partner, membership or person is saved
/// in this instance, and one minute at most: as long as another instance takes to see a role
/// removed (the security stamp's interval). Only programme names are kept.
public sealed class ProgrammeContext(AppDbContext db, IHttpContextAccessor http, TimeProvider clock, IMemoryCache cache)
{
    public const string CookieName = "trama.programme";

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private static readonly Type[] Sources =
    [
        typeof(Programme), typeof(Territory), typeof(ProgrammePartner), typeof(Organisations.OrganisationMembership), typeof(People.Person),
    ];

    private (IReadOnlyList<ProgrammeSummary> Available, ProgrammeSummary? Current)? resolved;

    public async Task<IReadOnlyList<ProgrammeSummary>> AvailableAsync() => (await ResolveAsync()).Available;

    public async Task<ProgrammeSummary?> CurrentAsync() => (await ResolveAsync()).Current;

    private async Task<(IReadOnlyList<ProgrammeSummary> Available, ProgrammeSummary? Current)> ResolveAsync()
    {
        if (resolved is { } done)
        {
            return done;
        }

        var context = http.HttpContext;
        var user = context?.User;
        var userId = user?.FindFirstValue(ClaimTypes.NameIdentifier);
        IReadOnlyList<ProgrammeSummary> available = [];
        if (userId is not null)
        {
            var today = Infrastructure.ItalianTime.Today(clock);
            var all = user!.IsInRole(Roles.Administrator);
            available = await cache.KeptAsync((nameof(ProgrammeContext), userId, all, today), Sources, Lifetime, async () =>
            {
                var found = await db.Programmes
                    .AsNoTracking()
                    .Where(p => all
                        || p.Partners.Any(pp => pp.Organisation.Members.Any(m =>
                            m.UserId == userId && m.StartsOn <= today && (m.EndsOn == null || m.EndsOn >= today)))
                        || db.People.Any(person => person.UserId == userId && person.ProgrammeId == p.Id))
                    .Select(p => new ProgrammeSummary(p.Id, p.Code, p.Name, p.Territory.Name))
                    .ToListAsync();
                found.Sort((a, b) => Infrastructure.Localisation.ItalianOrder.Compare(a.Name, b.Name));
                return (IReadOnlyList<ProgrammeSummary>)found;
            });
        }

        var chosen = context?.Request.Cookies[CookieName];
        var current = available.FirstOrDefault(p => p.Code == chosen) ?? (available.Count > 0 ? available[0] : null);
        resolved = (available, current);
        return resolved.Value;
    }
}
