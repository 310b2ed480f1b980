using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trama.Web.Data;
using Trama.Web.Features.Projects;

namespace Trama.Web.Features.Programmes;

/// The name a programme gives each lifecycle state: its own where it set one, the standard name
/// otherwise. Read once per programme per request.
public sealed class PhaseNames(AppDbContext db, IStringLocalizer<SharedResource> l)
{
    private readonly Dictionary<Guid, IReadOnlyDictionary<ProjectState, PhaseName>> loaded = [];

    public async Task<string> NameAsync(Guid programmeId, ProjectState state)
    {
        if (!loaded.TryGetValue(programmeId, out var names))
        {
            names = await db.PhaseNames.AsNoTracking().Where(p => p.ProgrammeId == programmeId).ToDictionaryAsync(p => p.State);
            loaded[programmeId] = names;
        }

        return names.TryGetValue(state, out var own) ? own.Name(CultureInfo.CurrentUICulture) : Standard(state);
    }

    public string Standard(ProjectState state) => l[$"ProjectState.{state}"].Value;
}
