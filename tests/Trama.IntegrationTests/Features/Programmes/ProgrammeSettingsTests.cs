using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Trama.IntegrationTests.Infrastructure;
using Trama.Web.Features.Programmes;
using Trama.Web.Features.Projects;

namespace Trama.IntegrationTests.Features.Programmes;

/// Phase names, review interval, hourly rates, life areas and the tariff table are the
/// programme's own settings, kept by its coordinators, never constants in code.
[Trait("Database", "Any")]
public sealed class ProgrammeSettingsTests(TramaApp app) : IClassFixture<TramaApp>
{
    [Fact]
    public async Task APhaseRenamedByTheCoordinator_IsWhatTheProjectPagesCallIt()
    {
        var id = await app.WithDbAsync(db => db.Projects.Where(p => p.State == ProjectState.Suspended && p.MentalHealthCentre.Name == "CPS via Cherasco").Select(p => p.Id).FirstAsync());
        using var clinician = app.NewSession();
        await clinician.LoginAsync("clinico");
        Assert.NotEqual("In pausa concordata", (await clinician.GetAsync($"/Projects/{id}")).TextOf("[data-testid=project-state]"));

        using var coordinator = app.NewSession();
        await coordinator.LoginAsync("coordinatore");
        var settings = await coordinator.GetAsync("/Programmes/Settings");
        var index = Array.IndexOf(Enum.GetValues<ProjectState>(), ProjectState.Suspended);
        await coordinator.SubmitAsync(settings, "form[data-testid=settings-form]", ($"Input.Phases[{index}].NameIt", "In pausa concordata"), ($"Input.Phases[{index}].NameEn", "Agreed pause"));

        Assert.Equal("In pausa concordata", (await clinician.GetAsync($"/Projects/{id}")).TextOf("[data-testid=project-state]"));
    }

    [Fact]
    public async Task APhaseNamedInOneLanguageOnly_OrARateThatIsNotAnAmount_IsRefusedAndKeepsWhatWasTyped()
    {
        using var coordinator = app.NewSession();
        await coordinator.LoginAsync("coordinatore");
        var settings = await coordinator.GetAsync("/Programmes/Settings");

        var refused = await coordinator.SubmitAsync(settings, "form[data-testid=settings-form]", ("Input.Phases[0].NameIt", "Segnalazione ricevuta"), ("Input.StaffHourlyRate", "venti euro"));

        Assert.Contains("entrambe le lingue", refused.Text, StringComparison.Ordinal);
        Assert.Equal("venti euro", refused.Find("#Input_StaffHourlyRate")!.GetAttribute("value"));
        Assert.Equal("Segnalazione ricevuta", refused.Find("#Input_Phases_0__NameIt")!.GetAttribute("value"));
        Assert.False(await app.WithDbAsync(db => db.PhaseNames.AnyAsync(p => p.NameIt == "Segnalazione ricevuta")));
    }

    [Fact]
    public async Task TwoCoordinatorsSavingTheSettings_TheSecondIsToldAndNothingIsOverwritten()
    {
        using var first = app.NewSession();
        using var second = app.NewSession();
        await first.LoginAsync("coordinatore");
        await second.LoginAsync("admin");
        var a = await first.GetAsync("/Programmes/Settings");
        var b = await second.GetAsync("/Programmes/Settings");
        await first.SubmitAsync(a, "form[data-testid=settings-form]", ("Input.ReviewIntervalMonths", "4"));

        var conflict = await second.SubmitAsync(b, "form[data-testid=settings-form]", ("Input.ReviewIntervalMonths", "6"));

        Assert.Equal(HttpStatusCode.Conflict, conflict.Status);
        Assert.Equal(4, await app.WithDbAsync(db => db.Programmes.Where(p => p.Code == Trama.Web.Features.Demo.DemoData.Amicitta).Select(p => p.ReviewIntervalMonths).SingleAsync()));
    }

    [Fact]
    public async Task ANewLifeArea_IsAdded_AndASecondWithTheSameCodeIsRefused()
    {
        using var coordinator = app.NewSession();
        await coordinator.LoginAsync("coordinatore");
        var settings = await coordinator.GetAsync("/Programmes/Settings");

        var added = await coordinator.SubmitAsync(settings, "form[data-area=new]", ("Area.Code", "salute"), ("Area.NameIt", "Salute e benessere"), ("Area.NameEn", "Health and well-being"), ("Area.NationalArea", nameof(NationalArea.SocialLife)));
        Assert.NotNull(added.Find("form[data-area=salute]"));

        var refused = await coordinator.SubmitAsync(added, "form[data-area=new]", ("Area.Code", "salute"), ("Area.NameIt", "Doppione"), ("Area.NameEn", "Duplicate"));
        Assert.Contains("già un asse con questo codice", refused.TextOf("#code-err-new"), StringComparison.Ordinal);
        Assert.Equal("Doppione", refused.Find("#it-new")!.GetAttribute("value"));
    }

    [Fact]
    public async Task ANewTariff_ClosesThePreviousOneTheDayBefore_AndCannotStartBeforeIt()
    {
        using var coordinator = app.NewSession();
        await coordinator.LoginAsync("coordinatore");
        var page = await coordinator.GetAsync("/Programmes/Tariffs");

        var refused = await coordinator.SubmitAsync(page, "main form", ("Input.Intensity", nameof(Intensity.High)), ("Input.HealthShare", "42,00"), ("Input.SocialShare", "27,00"), ("Input.ValidFrom", "2025-06-01"));
        Assert.Contains("deve partire dopo", refused.TextOf("#from-error"), StringComparison.Ordinal);

        await coordinator.SubmitAsync(refused, "main form", ("Input.ValidFrom", "2027-01-01"));
        var high = await app.WithDbAsync(db => db.TariffTable.Where(t => t.Intensity == Intensity.High && db.Programmes.Any(p => p.Code == Trama.Web.Features.Demo.DemoData.Amicitta && p.TerritoryId == t.TerritoryId)).OrderBy(t => t.ValidFrom).ToListAsync());
        Assert.Equal(new DateOnly(2026, 12, 31), high[^2].ValidTo);
        Assert.Equal(69_00, high[^1].TotalCents);
    }

    [Fact]
    public async Task ACareWorker_ReadsTheTariffTableButCannotChangeIt()
    {
        using var clinician = app.NewSession();
        await clinician.LoginAsync("clinico");
        var page = await clinician.GetAsync("/Programmes/Tariffs");

        Assert.NotNull(page.Find("[data-testid=tariffs]"));
        Assert.Null(page.Find("main form"));
        Assert.Equal(HttpStatusCode.Forbidden, (await clinician.GetAsync("/Programmes/Settings")).Status);
    }
}
