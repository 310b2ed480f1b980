using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trama.Web.Data;
using Trama.Web.Features.Account;
using Trama.Web.Features.Api;
using Trama.Web.Features.Budget;
using Trama.Web.Features.Projects;

namespace Trama.Web.Features.Programmes;

/// /api/v1/programme: the current programme's settings, life areas and tariff table, with the
/// rules and the roles of /Programmes/Settings and /Programmes/Tariffs.
public static class ProgrammesApi
{
    public sealed record SettingsView(Guid ProgrammeId, string Name, int ReviewIntervalMonths, decimal StaffHourlyRate, decimal PeerHourlyRate, decimal VolunteerHourlyRate,
        IReadOnlyList<PhaseView> Phases, Guid Version);

    public sealed record PhaseView(ProjectState State, string StandardName, string? NameIt, string? NameEn);

    public sealed record SettingsRequest(int ReviewIntervalMonths, decimal StaffHourlyRate, decimal PeerHourlyRate, decimal VolunteerHourlyRate, List<SettingsModel.PhaseInput>? Phases, Guid Version);

    public sealed record LifeAreaView(Guid Id, string Code, string NameIt, string NameEn, NationalArea NationalArea, int SortOrder);

    public sealed record TariffView(Guid Id, Intensity Intensity, TariffUnit Unit, decimal HealthShare, decimal SocialShare, decimal Total, DateOnly ValidFrom, DateOnly? ValidTo);

    public sealed record TariffRequest(Intensity Intensity, TariffUnit Unit, decimal HealthShare, decimal SocialShare, DateOnly? ValidFrom);

    private static readonly string[] Keepers = [Roles.Administrator, Roles.NetworkCoordinator];

    private static readonly string[] TariffReaders = [Roles.Administrator, Roles.NetworkCoordinator, Roles.Clinician, Roles.SocialWorker, Roles.Funder];

    public static void Map(RouteGroupBuilder api)
    {
        var programme = api.MapGroup("/programme").WithTags("Programme");
        programme.MapGet("/settings", SettingsAsync).WithSummary("The current programme's settings, with the version to send back when changing them (administrators and network coordinators).");
        programme.MapPut("/settings", ChangeSettingsAsync).WithSummary("Changes the review interval, the hourly values of time and the phase names; 409 when the version is stale.");
        programme.MapGet("/life-areas", LifeAreasAsync).WithSummary("The programme's life areas, each mapped to a national area.");
        programme.MapPost("/life-areas", AddLifeAreaAsync).WithSummary("Adds a life area with a code of its own.");
        programme.MapPut("/life-areas/{areaId:guid}", RenameLifeAreaAsync).WithSummary("Renames a life area or maps it to another national area; an area is never deleted.");
        programme.MapGet("/tariffs", TariffsAsync).WithSummary("The tariff table of the programme's territory, newest rates first.");
        programme.MapPost("/tariffs", AddTariffAsync).WithSummary("Adds a rate for an intensity from a date later than the current rate's, which it closes the day before.");
    }

    private static bool IsIn(ClaimsPrincipal user, string[] roles) => roles.Any(user.IsInRole);

    /// The caller's current programme, tracked, when their role may use this part of the API.
    private static async Task<(Programme? Programme, IResult? Refusal)> ProgrammeAsync(ClaimsPrincipal user, string[] roles, ProgrammeContext programmes, AppDbContext db, IStringLocalizer<SharedResource> l)
    {
        if (!IsIn(user, roles))
        {
            return (null, ProjectsApi.Forbidden(l));
        }

        var current = await programmes.CurrentAsync();
        return current is null ? (null, ProjectsApi.NotFound(l)) : (await db.Programmes.SingleAsync(p => p.Id == current.Id), null);
    }

    private static async Task<IResult> SettingsAsync(ClaimsPrincipal user, ProgrammeContext programmes, AppDbContext db, PhaseNames phases, IStringLocalizer<SharedResource> l)
    {
        var (programme, refusal) = await ProgrammeAsync(user, Keepers, programmes, db, l);
        return programme is null ? refusal! : TypedResults.Ok(await ViewAsync(programme, db, phases));
    }

    private static async Task<SettingsView> ViewAsync(Programme programme, AppDbContext db, PhaseNames phases)
    {
        var own = await db.PhaseNames.AsNoTracking().Where(p => p.ProgrammeId == programme.Id).ToDictionaryAsync(p => p.State);
        return new SettingsView(programme.Id, programme.Name, programme.ReviewIntervalMonths,
            programme.StaffHourlyRateCents / 100m, programme.PeerHourlyRateCents / 100m, programme.VolunteerHourlyRateCents / 100m,
            Enum.GetValues<ProjectState>().Select(s => new PhaseView(s, phases.Standard(s), own.GetValueOrDefault(s)?.NameIt, own.GetValueOrDefault(s)?.NameEn)).ToList(),
            programme.Version);
    }

    private static async Task<IResult> ChangeSettingsAsync(SettingsRequest request, ClaimsPrincipal user, ProgrammeContext programmes, AppDbContext db, PhaseNames phases, IStringLocalizer<SharedResource> l)
    {
        var (programme, refusal) = await ProgrammeAsync(user, Keepers, programmes, db, l);
        if (programme is null)
        {
            return refusal!;
        }

        if (request.Version != programme.Version)
        {
            return TypedResults.Problem(title: l["Programmes.Settings.Conflict"], statusCode: StatusCodes.Status409Conflict);
        }

        var state = new ModelStateDictionary();
        var staff = Cents(request.StaffHourlyRate, nameof(request.StaffHourlyRate), state, l);
        var peer = Cents(request.PeerHourlyRate, nameof(request.PeerHourlyRate), state, l);
        var volunteer = Cents(request.VolunteerHourlyRate, nameof(request.VolunteerHourlyRate), state, l);
        var phaseInputs = request.Phases ?? [];
        for (var i = 0; i < phaseInputs.Count; i++)
        {
            ApiValidation.Annotate(phaseInputs[i], $"Input.Phases[{i}]", state, l);
        }

        var settings = new SettingsModel.Settings(request.ReviewIntervalMonths, staff, peer, volunteer, phaseInputs);
        SettingsModel.Check(settings, "Input", state, l);
        if (!state.IsValid)
        {
            return TypedResults.ValidationProblem(ApiValidation.Problems(state, "Input"), title: l["Validation.CheckFields"]);
        }

        return await SettingsModel.SaveAsync(db, programme, settings)
            ? TypedResults.Ok(await ViewAsync(programme, db, phases))
            : TypedResults.Problem(title: l["Programmes.Settings.Conflict"], statusCode: StatusCodes.Status409Conflict);
    }

    private static long Cents(decimal euros, string field, ModelStateDictionary state, IStringLocalizer l)
    {
        if (Money.FromEuros(euros) is { } cents)
        {
            return cents;
        }

        state.AddModelError($"Input.{field}", l["Budget.AmountFormat", l[$"Programmes.Settings.{field}"]]);
        return 0;
    }

    private static LifeAreaView View(LifeArea a) => new(a.Id, a.Code, a.NameIt, a.NameEn, a.NationalArea, a.SortOrder);

    private static async Task<IResult> LifeAreasAsync(ClaimsPrincipal user, ProgrammeContext programmes, AppDbContext db, IStringLocalizer<SharedResource> l)
    {
        var (programme, refusal) = await ProgrammeAsync(user, Keepers, programmes, db, l);
        if (programme is null)
        {
            return refusal!;
        }

        var areas = await db.LifeAreas.AsNoTracking().Where(a => a.ProgrammeId == programme.Id).OrderBy(a => a.SortOrder).ToListAsync();
        return TypedResults.Ok(areas.Select(View).ToList());
    }

    private static Task<IResult> AddLifeAreaAsync(SettingsModel.AreaInput input, ClaimsPrincipal user, ProgrammeContext programmes, AppDbContext db, IStringLocalizer<SharedResource> l) =>
        SaveAreaAsync(null, input, user, programmes, db, l);

    private static Task<IResult> RenameLifeAreaAsync(Guid areaId, SettingsModel.AreaInput input, ClaimsPrincipal user, ProgrammeContext programmes, AppDbContext db, IStringLocalizer<SharedResource> l) =>
        SaveAreaAsync(areaId, input, user, programmes, db, l);

    private static async Task<IResult> SaveAreaAsync(Guid? areaId, SettingsModel.AreaInput input, ClaimsPrincipal user, ProgrammeContext programmes, AppDbContext db, IStringLocalizer<SharedResource> l)
    {
        var (programme, refusal) = await ProgrammeAsync(user, Keepers, programmes, db, l);
        if (programme is null)
        {
            return refusal!;
        }

        var areas = await db.LifeAreas.AsNoTracking().Where(a => a.ProgrammeId == programme.Id).OrderBy(a => a.SortOrder).ToListAsync();
        var existing = areaId is { } id ? areas.FirstOrDefault(a => a.Id == id) : null;
        if (areaId is not null && existing is null)
        {
            return ProjectsApi.NotFound(l);
        }

        var state = new ModelStateDictionary();
        ApiValidation.Annotate(input, "Input", state, l);
        SettingsModel.CheckArea(input, existing, areas, "Input", state, l);
        if (!state.IsValid)
        {
            return TypedResults.ValidationProblem(ApiValidation.Problems(state, "Input"), title: l["Validation.CheckFields"]);
        }

        var saved = SettingsModel.SaveArea(db, programme.Id, input, existing, areas);
        await db.SaveChangesAsync();
        return existing is null ? TypedResults.Created($"/api/v1/programme/life-areas/{saved.Id}", View(saved)) : TypedResults.Ok(View(saved));
    }

    private static TariffView View(TariffTableEntry t) =>
        new(t.Id, t.Intensity, t.Unit, t.HealthShareCents / 100m, t.SocialShareCents / 100m, (t.HealthShareCents + t.SocialShareCents) / 100m, t.ValidFrom, t.ValidTo);

    private static async Task<(Guid TerritoryId, List<TariffTableEntry> Rows)> TableAsync(Programme programme, AppDbContext db)
    {
        var rows = await db.TariffTable.AsNoTracking().Where(t => t.TerritoryId == programme.TerritoryId).ToListAsync();
        return (programme.TerritoryId, rows.OrderByDescending(t => t.Intensity).ThenByDescending(t => t.ValidFrom).ToList());
    }

    private static async Task<IResult> TariffsAsync(ClaimsPrincipal user, ProgrammeContext programmes, AppDbContext db, IStringLocalizer<SharedResource> l)
    {
        var (programme, refusal) = await ProgrammeAsync(user, TariffReaders, programmes, db, l);
        if (programme is null)
        {
            return refusal!;
        }

        var (_, rows) = await TableAsync(programme, db);
        return TypedResults.Ok(rows.Select(View).ToList());
    }

    private static async Task<IResult> AddTariffAsync(TariffRequest request, ClaimsPrincipal user, ProgrammeContext programmes, AppDbContext db, IStringLocalizer<SharedResource> l)
    {
        var (programme, refusal) = await ProgrammeAsync(user, Keepers, programmes, db, l);
        if (programme is null)
        {
            return refusal!;
        }

        var (territoryId, rows) = await TableAsync(programme, db);
        var rate = new TariffsModel.Rate(request.Intensity, request.Unit, Money.FromEuros(request.HealthShare), Money.FromEuros(request.SocialShare), request.ValidFrom);
        var state = new ModelStateDictionary();
        var previous = TariffsModel.Check(rate, rows, "Input", state, l);
        if (!state.IsValid)
        {
            return TypedResults.ValidationProblem(ApiValidation.Problems(state, "Input"), title: l["Validation.CheckFields"]);
        }

        var added = TariffsModel.Add(db, territoryId, rate, previous);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/v1/programme/tariffs/{added.Id}", View(added));
    }
}
