using Microsoft.Extensions.Caching.Memory;
using Trama.Web.Data;
using Trama.Web.Features.Account;
using Trama.Web.Features.Organisations;

namespace Trama.Web.Features.Home;

/// The organisations a user works for and their colleagues there, as every home lists them: read
/// on each view, and changed only by saving a membership, an organisation or a user, so kept for
/// each user until one of those is saved in this instance (two minutes at most, for changes made
/// by another). Staff names and organisations only, no person data.
public sealed class Workplaces(AppDbContext db, IMemoryCache cache)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    private static readonly Type[] Sources = [typeof(Organisation), typeof(OrganisationMembership), typeof(AppUser)];

    public Task<IReadOnlyList<OrganisationRow>> OrganisationsAsync(string userId, DateOnly today) =>
        cache.KeptAsync((nameof(Workplaces), "organisations", userId, today), Sources, Lifetime,
            async () => (IReadOnlyList<OrganisationRow>)await db.MyOrganisationsAsync(userId, today));

    public Task<IReadOnlyList<ColleagueRow>> ColleaguesAsync(string userId, DateOnly today) =>
        cache.KeptAsync((nameof(Workplaces), "colleagues", userId, today), Sources, Lifetime,
            async () => (IReadOnlyList<ColleagueRow>)await db.ColleaguesAsync(userId, today));
}
