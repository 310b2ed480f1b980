using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;
using Trama.Web.Data;
using Trama.Web.Features.Projects;

namespace Trama.Web.Features.Programmes;

/// The name a programme gives each lifecycle state: its own where it set one, the standard name
/// otherwise. Every project list and page shows them, so they are kept per programme until a phase
/// name is saved in this instance (five minutes at most, for a change made by another).
public sealed class PhaseNames(AppDbContext db, IMemoryCache cache, IStringLocalizer<SharedResource> l)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private static readonly Type[] Sources = [typeof(PhaseName)];

    public async Task<string> NameAsync(Guid programmeId, ProjectState state)
    {
        var names = await cache.KeptAsync((nameof(PhaseNames), programmeId), Sources, Lifetime, async () =>
            (IReadOnlyDictionary<ProjectState, PhaseName>)await db.PhaseNames.AsNoTracking().Where(p => p.ProgrammeId == programmeId).ToDictionaryAsync(p => p.State));
        return names.TryGetValue(state, out var own) ? own.Name(CultureInfo.CurrentUICulture) : Standard(state);
    }

    public string Standard(ProjectState state) => l[$"ProjectState.{state}"].Value;
}
