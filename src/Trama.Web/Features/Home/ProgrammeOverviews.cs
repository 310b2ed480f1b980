using Microsoft.Extensions.Caching.Memory;
using Trama.Web.Data;
using Trama.Web.Features.Account;
using Trama.Web.Features.Organisations;
using Trama.Web.Features.Programmes;

namespace Trama.Web.Features.Home;

/// The programme as every home page of it shows it (territory, funder, partners and their staff):
/// the same for all its users, so it is read once and kept until the programme, its partners, their
/// staff or a user changes in this instance (two minutes at most, for changes made by another).
public sealed class ProgrammeOverviews(AppDbContext db, IMemoryCache cache)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    private static readonly Type[] Sources =
    [
        typeof(Programme), typeof(Territory), typeof(ProgrammePartner), typeof(Organisation), typeof(OrganisationMembership), typeof(AppUser),
    ];

    public Task<ProgrammeOverview?> ForAsync(Guid programmeId, DateOnly today) =>
        cache.KeptAsync((nameof(ProgrammeOverviews), programmeId, today), Sources, Lifetime, () => db.OverviewAsync(programmeId, today));
}
